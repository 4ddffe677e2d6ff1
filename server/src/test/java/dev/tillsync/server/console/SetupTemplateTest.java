package dev.tillsync.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.server.master.Page;
import dev.tillsync.server.master.customers.CustomerService;
import dev.tillsync.server.master.items.CatalogLists;
import dev.tillsync.server.master.paymentmodes.PaymentModeService;
import dev.tillsync.server.master.shifttypes.ShiftTypeService;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The setup templates escape what a manager (or an import) typed, in text and in attributes, and put record names
 * into links as one encoded path segment, so a name with '?', '#' or '/' still opens its own record.
 */
class SetupTemplateTest {
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String BREAKOUT = "\"><img src=x onerror=alert(1)>";
    private static final Frame FRAME = new Frame(Frame.Tab.PAYMENT_MODES, "Setup", "manager@demo.shop", "Accounts Manager", false, "token");
    private final Views views = new Views();

    @Test
    void paymentModesAndShiftTypesEscapeNamesAndEncodeTheirLinks() {
        String name = "Gift ?#/" + SCRIPT;
        String html = views.render("paymentModes", new PaymentModesModel(FRAME, null, SCRIPT, List.of(new PaymentModeService.Mode(name, "other", false, true, true, 3)),
                new PaymentModesModel.Draft(name, "other", false, true, true, 3), true, true));
        assertThat(html).doesNotContain(SCRIPT, "<img").contains("/console/payment-modes/Gift%20%3F%23%2F%3Cscript%3E").contains("&lt;script&gt;")
                .contains("id=\"setup-nav\"");
        String shifts = views.render("shiftTypes", new ShiftTypesModel(FRAME, null, null, List.of(new ShiftTypeService.ShiftType(BREAKOUT, "08:00", "16:00", true, 1)),
                new ShiftTypesModel.Draft(BREAKOUT, BREAKOUT, "16:00", true, 1), false, true));
        assertThat(shifts).doesNotContain("<img").contains("value=\"&#34;>&lt;img src=x onerror=alert(1)>\"");
    }

    @Test
    void customersListAndFormEscapeEveryField() {
        var c = new CustomerService.Customer("C-1", SCRIPT, BREAKOUT, SCRIPT, BREAKOUT, null, true, 1);
        String list = views.render("customers", new CustomersModel(FRAME, null, BREAKOUT, new Page<>(List.of(c), 0, 50, 1), true));
        assertThat(list).doesNotContain(SCRIPT, "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("1–1 of 1");
        String form = views.render("customerForm", new CustomerFormModel(FRAME, null, SCRIPT, CustomerFormModel.Draft.of(c), true,
                List.of(new CatalogLists.PriceList(BREAKOUT, "USD", 2, false, 1)), true));
        assertThat(form).doesNotContain(SCRIPT, "<img").contains("id=\"number\" value=\"C-1\" readonly");
    }

    @Test
    void theNewProfileFormEscapesWhatWasTyped() {
        ProfileDraft d = new ProfileDraft(BREAKOUT, "Main Warehouse", "Standard Selling", List.of("Cash"), SCRIPT, SCRIPT, BREAKOUT, BREAKOUT, SCRIPT,
                "0.05", "10", "60", "", "", "", "", "weight", true, null);
        String html = views.render("profiles", new ProfilesModel(FRAME, null, SCRIPT, List.of(), null, d, List.of(), List.of("Cash", BREAKOUT),
                List.of("Main Warehouse"), List.of(new CatalogLists.PriceList("Standard Selling", "USD", 2, false, 1)), true));
        assertThat(html).doesNotContain(SCRIPT, "<img").contains("New POS profile").contains("USD, 2 decimals")
                .contains("<textarea name=\"receiptHeader\" id=\"receiptHeader\" rows=\"2\">&lt;script&gt;");
    }
}
