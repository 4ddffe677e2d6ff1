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
        @Option(names = "--name", required = true, description = "The customer's name") String name;
        @Option(names = "--phone", description = "Phone number (optional)") String phone;
        @Option(names = "--email", description = "Email address (optional)") String email;

        @Override
        int run(PosTerminal pos) {
            Customer c = pos.addCustomer(new NewCustomer(name, phone, email));
            out().println("Customer " + c.number() + " " + c.name() + " added (will sync).");
            return 0;
        }
    }

    @Command(name = "list", description = "List or search customers.")
    static final class ListCmd extends Base {
        @Option(names = "--search", defaultValue = "", description = "Only customers whose number, name, phone or email contains this text") String search;
        @Option(names = "--limit", defaultValue = "200", description = "At most this many (default: ${DEFAULT-VALUE})") int limit;
        @Option(names = "--json", description = "Print the customers as a JSON array") boolean json;

        @Override
        int run(PosTerminal pos) {
            var found = pos.customers(search, limit);
            if (json) {
                Commands.json(out(), found);
                return 0;
            }
            if (found.isEmpty()) {
                out().println(search.isEmpty() ? "No customers on this till yet (they come with the next sync, or: terminal customer add --name NAME)."
                        : "No customer matches '" + search + "'.");
                return 0;
            }
            for (Customer c : found) {
                out().printf("%-18s %-30s %-15s %s%n", c.number(), c.name(), c.phone() == null ? "" : c.phone(), c.email() == null ? "" : c.email());
            }
            return 0;
        }
    }
}
