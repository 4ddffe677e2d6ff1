package dev.tillsync.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.server.ServerMain;
import dev.tillsync.server.Services;
import dev.tillsync.server.db.Database;
import dev.tillsync.server.device.DeviceView;
import dev.tillsync.server.ingest.ImportSummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bin/pos server admin ...}: works on the data folder (or --db) with no server running. Every command answers
 * --help (inherited from {@code server}); exit 0 only on success.
 */
@Command(name = "admin",
        description = "Back-office administration on the database (no running server needed; with one running, its database is used).",
        subcommands = {AdminCommand.Init.class, AdminCommand.UserCmd.class, AdminCommand.DeviceCmd.class,
                AdminCommand.SeedDemo.class, AdminCommand.Import.class, CatalogCommand.class,
                StockCommand.class, CustomersCommand.class, BackupCommand.Backup.class, BackupCommand.Restore.class})
public final class AdminCommand {
    @ParentCommand
    ServerMain root;

    interface Action {
        int run(ServerAdmin admin, Services services) throws Exception;
    }

    int withAdmin(Action action) throws Exception {
        try (Database db = Database.openForAdmin(root.dataDir(), root.jdbcUrl())) {
            Services services = Services.over(db.jdbi());
            return action.run(new ServerAdmin(services), services);
        }
    }

    interface DatabaseAction {
        int run(Database db) throws Exception;
    }

    int withDatabase(DatabaseAction action) throws Exception {
        try (Database db = Database.openForAdmin(root.dataDir(), root.jdbcUrl())) {
            return action.run(db);
        }
    }

    static final ObjectMapper JSON = Json.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Exit code of {@code import} when the file was read but some of its rows were rejected. */
    public static final int ROWS_REJECTED = 4;

    @Command(name = "init", description = "Creates the first System Manager.")
    static final class Init implements Callable<Integer> {
        @ParentCommand AdminCommand admin;
        @Option(names = "--admin-email", required = true, description = "Email of the first System Manager (their console and API login)") String email;
        @Option(names = "--admin-password", required = true, description = "Password of the first System Manager") String password;

        public Integer call() throws Exception {
            return admin.withAdmin((a, s) -> {
                var u = a.init(email, password);
                System.out.println("System Manager " + u.email() + " is ready.");
                return 0;
            });
        }
    }

    @Command(name = "seed-demo", description = "Loads the demo catalogue, users and device POS-0001 (idempotent): for trying tillsync out, not for a real shop.")
    static final class SeedDemo implements Callable<Integer> {
        @ParentCommand AdminCommand admin;

        public Integer call() throws Exception {
            return admin.withAdmin((a, s) -> {
                a.seedDemo();
                System.out.println("Demo data ready: device POS-0001, profile " + DemoSeed.PROFILE + ", " + DemoSeed.ITEM_COUNT + " items"
                        + " and " + DemoSeed.BANANA + " (Bananas, sold by the kg at " + dev.tillsync.core.money.Money.format(DemoSeed.BANANA_PRICE_MINOR) + "/kg).");
                System.out.println("Profile " + DemoSeed.PROFILE + ": cashiers may give up to " + DemoSeed.MAX_DISCOUNT_BP / 100
                        + "% discount (more needs a PIN of a user who may configure the till), cash is rounded to "
                        + dev.tillsync.core.money.Money.format(DemoSeed.CASH_ROUNDING_MINOR) + ", scale labels 21 IIIII WWWWW C"
                        + " (5 digits of item code, the weight in grams; e.g. " + DemoSeed.bananaLabel(1250) + " = 1.250 kg of " + DemoSeed.BANANA + ").");
                System.out.println("Price list '" + DemoSeed.INCLUSIVE_LIST + "' has every item at a shelf price that includes tax; customer "
                        + DemoSeed.INCLUSIVE_CUSTOMER + " buys on it (choose the customer on the till to re-price the cart).");
                System.out.println("Console and API users (email / password, role):");
                for (DemoSeed.DemoUser u : DemoSeed.USERS) {
                    System.out.println("  " + u.email() + " / " + u.password() + "  (" + u.role() + ")"
                            + (u.pin() == null ? "" : "  till PIN " + u.pin()));
                }
                System.out.println("Cashiers on POS-0001: amira@demo.shop PIN 1234 (may configure, export and reprint; Morning shifts),"
                        + " ben@demo.shop PIN 5678 (none of these; Evening shifts).");
                System.out.println("Next: bin/pos server admin device link-code POS-0001, then bin/pos terminal link --server URL --code CODE");
                return 0;
            });
        }
    }

    @Command(name = "import", description = {"Imports a terminal's export file (signed; verified with the device's key, even after a forced unlink).",
            "Exit 0 when every row was accepted or already there (duplicate), " + ROWS_REJECTED + " when any row was rejected (each is listed"
                    + " with its reason), 1 when the file was refused as a whole."})
    static final class Import implements Callable<Integer> {
        @ParentCommand AdminCommand admin;
        @Parameters(paramLabel = "FILE", description = "The export file written by 'terminal export --out FILE'") Path file;
        @Option(names = "--json", description = "Print the full result as JSON, every row with its outcome") boolean json;

        public Integer call() throws Exception {
            return admin.withAdmin((a, s) -> {
                ImportSummary r = a.importFile(file);
                if (json) {
                    System.out.println(JSON.writeValueAsString(r));
                } else {
                    System.out.println("Imported " + file + " for " + r.posId() + ": " + r.accepted() + " accepted, "
                            + r.duplicates() + " duplicates, " + r.rejected() + " rejected.");
                    for (RowResult x : r.results()) {
                        if (x.outcome() == RowOutcome.REJECTED) {
                            System.out.println("  rejected seq " + x.seq() + " (" + x.code() + "): " + x.message());
                        }
                    }
                }
                if (r.rejected() == 0) return 0;
                // The accepted rows are stored; the rejected ones are not, and a script must not take this for success.
                System.err.println("error [rows_rejected]: " + r.rejected() + " of " + r.results().size() + " rows in " + file
                        + " were rejected (reasons above); the other rows are stored. Fix the cause, then import the file again:"
                        + " rows already stored answer duplicate.");
                return ROWS_REJECTED;
            });
        }
    }

    @Command(name = "user", description = "Back-office users (console, API and, with a PIN, tills).", subcommands = UserCmd.Add.class)
    static final class UserCmd {
        @ParentCommand AdminCommand admin;

        @Command(name = "add", description = "Adds a user.")
        static final class Add implements Callable<Integer> {
            @ParentCommand UserCmd parent;
            @Parameters(paramLabel = "EMAIL", description = "The user's email: their login everywhere") String email;
            @Option(names = "--role", required = true, description = "Accounts User (read), Accounts Manager (devices, imports) or System Manager (also users)") String role;
            @Option(names = "--password", required = true, description = "Console and API password") String password;
            @Option(names = "--pin", description = "PIN for unlocking terminals (4-8 digits); needed to log in on a till") String pin;
            @Option(names = "--first-name", description = "First name, shown on receipts and in the till's login list") String firstName;
            @Option(names = "--last-name", description = "Last name") String lastName;

            public Integer call() throws Exception {
                return parent.admin.withAdmin((a, s) -> {
                    var u = a.addUser(email, role, password, pin, firstName, lastName);
                    System.out.println("User " + u.email() + " added as " + u.role() + ".");
                    return 0;
                });
            }
        }
    }

    @Command(name = "device", description = "POS Offline devices: create, users, shift users, link codes, unlink, show.",
            subcommands = {DeviceCmd.Create.class, DeviceCmd.User.class, DeviceCmd.ShiftUser.class, DeviceCmd.LinkCode.class,
                    DeviceCmd.Unlink.class, DeviceCmd.Show.class})
    static final class DeviceCmd {
        @ParentCommand AdminCommand admin;

        @Command(name = "create", description = "Creates a device record; then add its users and issue a link code.")
        static final class Create implements Callable<Integer> {
            @ParentCommand DeviceCmd parent;
            @Option(names = "--pos-id", required = true, description = "The device's POS ID, e.g. POS-0002 (letters, digits, '-', '_', '.')") String posId;
            @Option(names = "--profile", required = true, description = "The POS profile it sells under (warehouse, price list, payment modes), e.g. \"Main Store\"") String profile;
            @Option(names = "--rows-per-request", description = "Most rows the till sends in one push (1-5000, default 500)") Integer rows;
            @Option(names = "--invoice-series", description = "Invoice number prefix (default: the POS ID and '-', e.g. POS-0002-)") String invoiceSeries;
            @Option(names = "--customer-series", description = "Customer number prefix (default: CUST-NNNN- from the POS ID)") String customerSeries;
            @Option(names = "--description", description = "Free text, e.g. where the till stands") String description;

            public Integer call() throws Exception {
                return parent.admin.withAdmin((a, s) -> {
                    DeviceView d = a.createDevice(posId, profile, rows, invoiceSeries, customerSeries, description);
                    System.out.println("Device " + d.posId() + " created (invoices " + d.invoiceSeries() + "NNNNNN, customers "
                            + d.customerSeries() + "NNNNN, profile " + d.posProfile() + "). Issue a link code next.");
                    return 0;
                });
            }
        }

        @Command(name = "user", description = "POS Offline Users of a device: who may log in on it, and what they may do.", subcommands = User.Add.class)
        static final class User {
            @ParentCommand DeviceCmd parent;

            @Command(name = "add", description = "Lets a user (with a PIN) log in on the device; the till learns it at its next sync.")
            static final class Add implements Callable<Integer> {
                @ParentCommand User parent;
                @Parameters(paramLabel = "POS_ID", description = "The device, e.g. POS-0002") String posId;
                @Option(names = "--user", required = true, description = "Email of an existing user (see 'admin user add')") String email;
                @Option(names = "--can-configure", description = "May change the till's settings, server URL and printer (can_configure_pos)") boolean canConfigure;
                @Option(names = "--can-export-log", description = "May export unsynced sales and the event log to a file (can_export_log)") boolean canExport;
                @Option(names = "--can-reprint", description = "May reprint receipts (can_reprint)") boolean canReprint;

                public Integer call() throws Exception {
                    return parent.parent.admin.withAdmin((a, s) -> {
                        a.addDeviceUser(posId, email, canConfigure, canExport, canReprint);
                        System.out.println(email + " may now use " + posId + ".");
                        return 0;
                    });
                }
            }
        }

        @Command(name = "shift-user", description = "Shift users of a device: who opens which shift type on it.", subcommands = ShiftUser.Add.class)
        static final class ShiftUser {
            @ParentCommand DeviceCmd parent;

            @Command(name = "add", description = "Lets a user open shifts of a shift type on the device.")
            static final class Add implements Callable<Integer> {
                @ParentCommand ShiftUser parent;
                @Parameters(paramLabel = "POS_ID", description = "The device, e.g. POS-0002") String posId;
                @Option(names = "--user", required = true, description = "Email of an existing user") String email;
                @Option(names = "--shift-type", required = true, description = "An existing shift type, e.g. Morning or Evening") String shiftType;

                public Integer call() throws Exception {
                    return parent.parent.admin.withAdmin((a, s) -> {
                        a.addShiftUser(posId, email, shiftType);
                        System.out.println(email + " may open " + shiftType + " shifts on " + posId + ".");
                        return 0;
                    });
                }
            }
        }

        @Command(name = "link-code", description = "Issues a one-time link code (valid 24 h).")
        static final class LinkCode implements Callable<Integer> {
            @ParentCommand DeviceCmd parent;
            @Parameters(paramLabel = "POS_ID", description = "The device, e.g. POS-0002") String posId;
            @Option(names = "--json", description = "Print the code and its expiry as JSON") boolean json;

            public Integer call() throws Exception {
                return parent.admin.withAdmin((a, s) -> {
                    var c = a.linkCode(posId);
                    if (json) System.out.println(JSON.writeValueAsString(c));
                    else System.out.println(c.code() + "\n(link code for " + posId + ", valid until " + c.expiresAt() + ")");
                    return 0;
                });
            }
        }

        @Command(name = "unlink", description = "Asks the device to unlink; --force revokes it now.")
        static final class Unlink implements Callable<Integer> {
            @ParentCommand DeviceCmd parent;
            @Parameters(paramLabel = "POS_ID", description = "The device, e.g. POS-0002") String posId;
            @Option(names = "--force", description = "Revoke the device now, without waiting for it to push what it holds (that can still arrive by export file)") boolean force;

            public Integer call() throws Exception {
                return parent.admin.withAdmin((a, s) -> {
                    System.out.println(posId + ": " + a.unlink(posId, force).label());
                    return 0;
                });
            }
        }

        @Command(name = "show", description = "Shows a device record as JSON.")
        static final class Show implements Callable<Integer> {
            @ParentCommand DeviceCmd parent;
            @Parameters(paramLabel = "POS_ID", description = "The device, e.g. POS-0002") String posId;

            public Integer call() throws Exception {
                return parent.admin.withAdmin((a, s) -> {
                    System.out.println(JSON.writeValueAsString(a.showDevice(posId)));
                    return 0;
                });
            }
        }
    }
}
