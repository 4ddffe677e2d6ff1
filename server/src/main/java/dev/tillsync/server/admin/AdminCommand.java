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

/** {@code bin/pos server admin ...}: works on the data folder (or --db) with no server running. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Back-office administration on the database (no running server needed).",
        subcommands = {AdminCommand.Init.class, AdminCommand.UserCmd.class, AdminCommand.DeviceCmd.class,
                AdminCommand.SeedDemo.class, AdminCommand.Import.class})
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

    static final ObjectMapper JSON = Json.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Command(name = "init", description = "Creates the first System Manager.")
    static final class Init implements Callable<Integer> {
        @ParentCommand AdminCommand admin;
        @Option(names = "--admin-email", required = true) String email;
        @Option(names = "--admin-password", required = true) String password;

        public Integer call() throws Exception {
            return admin.withAdmin((a, s) -> {
                var u = a.init(email, password);
                System.out.println("System Manager " + u.email() + " is ready.");
                return 0;
            });
        }
    }

    @Command(name = "seed-demo", description = "Loads the demo catalogue, users and device POS-0001 (idempotent).")
    static final class SeedDemo implements Callable<Integer> {
        @ParentCommand AdminCommand admin;

        public Integer call() throws Exception {
            return admin.withAdmin((a, s) -> {
                a.seedDemo();
                System.out.println("Demo data ready: device POS-0001, profile Main Store, " + DemoSeed.ITEM_COUNT
                        + " items, users admin@demo.shop / manager@demo.shop / viewer@demo.shop.");
                return 0;
            });
        }
    }

    @Command(name = "import", description = "Imports a terminal's export file.")
    static final class Import implements Callable<Integer> {
        @ParentCommand AdminCommand admin;
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--json", description = "print the full result as JSON") boolean json;

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
                return 0;
            });
        }
    }

    @Command(name = "user", description = "Server users.", subcommands = UserCmd.Add.class)
    static final class UserCmd {
        @ParentCommand AdminCommand admin;

        @Command(name = "add", description = "Adds a user.")
        static final class Add implements Callable<Integer> {
            @ParentCommand UserCmd parent;
            @Parameters(paramLabel = "EMAIL") String email;
            @Option(names = "--role", required = true, description = "Accounts User, Accounts Manager or System Manager") String role;
            @Option(names = "--password", required = true) String password;
            @Option(names = "--pin", description = "PIN for unlocking terminals (4-8 digits)") String pin;
            @Option(names = "--first-name") String firstName;
            @Option(names = "--last-name") String lastName;

            public Integer call() throws Exception {
                return parent.admin.withAdmin((a, s) -> {
                    var u = a.addUser(email, role, password, pin, firstName, lastName);
                    System.out.println("User " + u.email() + " added as " + u.role() + ".");
                    return 0;
                });
            }
        }
    }

    @Command(name = "device", description = "POS Offline devices.",
            subcommands = {DeviceCmd.Create.class, DeviceCmd.User.class, DeviceCmd.ShiftUser.class, DeviceCmd.LinkCode.class,
                    DeviceCmd.Unlink.class, DeviceCmd.Show.class})
    static final class DeviceCmd {
        @ParentCommand AdminCommand admin;

        @Command(name = "create", description = "Creates a device record.")
        static final class Create implements Callable<Integer> {
            @ParentCommand DeviceCmd parent;
            @Option(names = "--pos-id", required = true) String posId;
            @Option(names = "--profile", required = true) String profile;
            @Option(names = "--rows-per-request") Integer rows;
            @Option(names = "--invoice-series") String invoiceSeries;
            @Option(names = "--customer-series") String customerSeries;
            @Option(names = "--description") String description;

            public Integer call() throws Exception {
                return parent.admin.withAdmin((a, s) -> {
                    DeviceView d = a.createDevice(posId, profile, rows, invoiceSeries, customerSeries, description);
                    System.out.println("Device " + d.posId() + " created (invoices " + d.invoiceSeries() + "NNNNNN, customers "
                            + d.customerSeries() + "NNNNN, profile " + d.posProfile() + "). Issue a link code next.");
                    return 0;
                });
            }
        }

        @Command(name = "user", description = "POS Offline Users of a device.", subcommands = User.Add.class)
        static final class User {
            @ParentCommand DeviceCmd parent;

            @Command(name = "add")
            static final class Add implements Callable<Integer> {
                @ParentCommand User parent;
                @Parameters(paramLabel = "POS_ID") String posId;
                @Option(names = "--user", required = true) String email;
                @Option(names = "--can-configure") boolean canConfigure;
                @Option(names = "--can-export-log") boolean canExport;
                @Option(names = "--can-reprint") boolean canReprint;

                public Integer call() throws Exception {
                    return parent.parent.admin.withAdmin((a, s) -> {
                        a.addDeviceUser(posId, email, canConfigure, canExport, canReprint);
                        System.out.println(email + " may now use " + posId + ".");
                        return 0;
                    });
                }
            }
        }

        @Command(name = "shift-user", description = "Shift users of a device.", subcommands = ShiftUser.Add.class)
        static final class ShiftUser {
            @ParentCommand DeviceCmd parent;

            @Command(name = "add")
            static final class Add implements Callable<Integer> {
                @ParentCommand ShiftUser parent;
                @Parameters(paramLabel = "POS_ID") String posId;
                @Option(names = "--user", required = true) String email;
                @Option(names = "--shift-type", required = true) String shiftType;

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
            @Parameters(paramLabel = "POS_ID") String posId;
            @Option(names = "--json") boolean json;

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
            @Parameters(paramLabel = "POS_ID") String posId;
            @Option(names = "--force") boolean force;

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
            @Parameters(paramLabel = "POS_ID") String posId;

            public Integer call() throws Exception {
                return parent.admin.withAdmin((a, s) -> {
                    System.out.println(JSON.writeValueAsString(a.showDevice(posId)));
                    return 0;
                });
            }
        }
    }
}
