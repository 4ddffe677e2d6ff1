package dev.tillsync.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.server.device.DeviceView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console's real templates escape every value by default: a hostile device description, name or pick-list
 * entry comes out as text, in element content and in attribute values, never as markup.
 */
class ConsoleTemplateTest {
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String BREAKOUT = "\"><img src=x onerror=alert(1)>";
    private static final String SCRIPT_AS_TEXT = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final String BREAKOUT_IN_ATTRIBUTE = "&#34;>&lt;img src=x onerror=alert(1)>";
    private static final String BREAKOUT_AS_TEXT = "\"&gt;&lt;img src=x onerror=alert(1)&gt;";
    private static final Frame FRAME = new Frame(Frame.Tab.DEVICES, "Devices", "manager@demo.shop", "Accounts Manager", true, "token");

    private final Views views = new Views();

    @Test
    void escapesEveryHtmlSpecialCharacterInTextAndInAttributes() {
        String hostile = "<script>alert('x')</script> & \"q\"";
        assertThat(views.render("message", new MessageModel(FRAME, "Could not do that", hostile, true)))
                .contains("<div class=\"notice error\" role=\"alert\">&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"q\"</div>")
                .doesNotContain("<script>alert");
        assertThat(views.render("signin", new SignInModel(hostile, null, "t")))
                .contains("value=\"&lt;script>alert(&#39;x&#39;)&lt;/script> &amp; &#34;q&#34;\"")
                .doesNotContain("<script>alert");
    }

    @Test
    void deviceListShowsAHostileDescriptionAsText() {
        DeviceListModel.Line line = new DeviceListModel.Line("POS-1", "POS-1", SCRIPT, "Linked", "—", "never", false, 0, 0, 0,
                SCRIPT + BREAKOUT);
        String html = views.render("devices", new DeviceListModel(FRAME, true, 2, List.of(line)));
        assertThat(html).contains("<td class=\"t\">" + SCRIPT_AS_TEXT + "</td>", "<td class=\"muted\">" + SCRIPT_AS_TEXT + BREAKOUT_AS_TEXT + "</td>")
                .doesNotContain(SCRIPT, "<img");
    }

    @Test
    void deviceFormKeepsHostileValuesInsideTheirAttributesAndTextarea() {
        DeviceView v = new DeviceView("POS-1", BREAKOUT, "CUST-1-", BREAKOUT, 50, ConnectionStatus.LINKED, null, SCRIPT + BREAKOUT, null,
                List.of(new DeviceView.DeviceUserView("amira@demo.shop", BREAKOUT, SCRIPT, true, false, null)),
                List.of(new DeviceView.ShiftUserView("amira@demo.shop", BREAKOUT)));
        String html = views.render("deviceForm", new DeviceFormModel(FRAME, false, true, v, SCRIPT, null, List.of(BREAKOUT),
                List.of(BREAKOUT), List.of(BREAKOUT), 1, 5000));
        assertThat(html)
                .contains("id=\"invoiceSeries\" value=\"" + BREAKOUT_IN_ATTRIBUTE + "\"")
                .contains("<textarea name=\"description\" id=\"description\" rows=\"2\">" + SCRIPT_AS_TEXT + BREAKOUT_AS_TEXT + "</textarea>")
                .contains("class=\"fn\" value=\"" + BREAKOUT_IN_ATTRIBUTE + "\"", "class=\"ln\" value=\"&lt;script>alert(1)&lt;/script>\"")
                .contains("<option selected>" + BREAKOUT_AS_TEXT + "</option>", "<option value=\"" + BREAKOUT_IN_ATTRIBUTE + "\"></option>")
                .contains("<div class=\"notice error\" role=\"alert\">" + SCRIPT_AS_TEXT + "</div>")
                .doesNotContain(SCRIPT, "<img");
    }

    @Test
    void salesChartEscapesItsCaption() {
        SalesChart chart = SalesChart.of(List.of(new ConsoleQueries.HourSales(9, 2, 345, 1)), BREAKOUT);
        String html = views.render("chart", chart);
        assertThat(html).contains("aria-label=\"" + BREAKOUT_IN_ATTRIBUTE + "\"", "<figcaption>" + BREAKOUT_AS_TEXT + " <span")
                .contains("<title>09:00 — 1 of 2 sales made offline</title>", "<title>09:00 — 2 sales, 3.45</title>")
                .doesNotContain("<img");
    }
}
