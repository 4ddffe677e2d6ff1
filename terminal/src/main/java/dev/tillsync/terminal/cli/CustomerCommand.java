package dev.tillsync.terminal.cli;

import dev.tillsync.terminal.Customer;
import dev.tillsync.terminal.NewCustomer;
import dev.tillsync.terminal.PosTerminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "customer", description = "Customers.", subcommands = {CustomerCommand.Add.class, CustomerCommand.ListCmd.class})
final class CustomerCommand {
    @Command(name = "add", description = "Add a customer, numbered from this device's customer series.")
    static final class Add extends Base {
        @Option(names = "--name", required = true) String name;
        @Option(names = "--phone") String phone;
        @Option(names = "--email") String email;

        @Override
        int run(PosTerminal pos) {
            Customer c = pos.addCustomer(new NewCustomer(name, phone, email));
            out().println("Customer " + c.number() + " " + c.name() + " added (will sync).");
            return 0;
        }
    }

    @Command(name = "list", description = "List or search customers.")
    static final class ListCmd extends Base {
        @Option(names = "--search", defaultValue = "") String search;

        @Override
        int run(PosTerminal pos) {
            for (Customer c : pos.customers(search, 200)) {
                out().printf("%-18s %-30s %-15s %s%n", c.number(), c.name(), c.phone() == null ? "" : c.phone(), c.email() == null ? "" : c.email());
            }
            return 0;
        }
    }
}
