package dev.tillsync.reliability;

import dev.tillsync.reliability.chaos.NetworkChaosRun;
import dev.tillsync.reliability.check.ServerLedger;
import dev.tillsync.reliability.crash.CrashFigures;
import dev.tillsync.reliability.crash.ServerCrashRun;
import dev.tillsync.reliability.crash.TerminalCrashRun;
import dev.tillsync.reliability.env.LocalPostgres;
import dev.tillsync.server.ServerOptions;
import dev.tillsync.server.TillServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import dev.tillsync.reliability.env.ReplicatedPostgres;
import dev.tillsync.reliability.failover.FailoverFigures;
import dev.tillsync.reliability.failover.FailoverRun;
import dev.tillsync.reliability.outage.DatabaseOutageRun;
import dev.tillsync.reliability.outage.OutageFigures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/pos bench chaos [--rounds N] [--sales N] [--seed S]}: the long mode of the reliability suite. Kills
 * real terminal and server processes {@code --rounds} times in total (60% terminal, 20% lone server, 20% one of
 * two servers), sells {@code --sales} sales through a seeded network-fault schedule, and prints the figures.
 * Exit code 0 only when nothing was lost or counted twice and every other check passed.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true, description = "Crash and network-fault runs against real processes; prints figures.")
public final class ChaosMain implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "1000", description = "kill points in total (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--sales", defaultValue = "3000", description = "sales in the network-fault run (default ${DEFAULT-VALUE}; 0 skips it)")
    int sales;

    @Option(names = "--db-outage", paramLabel = "SECONDS", defaultValue = "30",
            description = "seconds PostgreSQL is stopped under a server on --db while 3 tills sell (default ${DEFAULT-VALUE}; 0 skips it)")
    int dbOutageSeconds;

    @Option(names = "--failover", paramLabel = "TILLS", defaultValue = "50",
            description = "tills (100 offline invoices each) reconnecting when the primary PostgreSQL is killed and its standby promoted,"
                    + " once with synchronous and once with asynchronous replication (default ${DEFAULT-VALUE}; 0 skips it)")
    int failoverTills;

    @Option(names = "--seed", description = "seed for every schedule (default: time-based, printed)")
    Long seed;

    @Option(names = "--work", paramLabel = "DIR", description = "folder for terminal stores and server folders (default: a temp folder)")
    Path work;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ChaosMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (dbOutageSeconds < 0 || rounds < 0 || sales < 0 || failoverTills < 0) {
            System.err.println("--rounds, --sales, --db-outage and --failover take 0 (skip) or more; got " + rounds + ", " + sales + ", "
                    + dbOutageSeconds + ", " + failoverTills);
            return 2;
        }
        long s = seed == null ? System.currentTimeMillis() % 1_000_000 : seed;
        Path dir = work == null ? Files.createTempDirectory("tillsync-chaos") : Files.createDirectories(work);
        String cp = System.getProperty("java.class.path");
        System.out.println("tillsync chaos: seed " + s + ", rounds " + rounds + ", sales " + sales + ", work " + dir);
        System.out.println("reproduce: bin/pos bench chaos --rounds " + rounds + " --sales " + sales + " --db-outage " + dbOutageSeconds
                + " --failover " + failoverTills + " --seed " + s);
        long started = System.nanoTime();
        List<CrashFigures> crashes = new ArrayList<>();
        boolean ok = true;
        try (LocalPostgres pg = LocalPostgres.start()) {
            String url = pg.newDatabase("chaos");
            try (TillServer server = TillServer.start(new ServerOptions(Files.createDirectories(dir.resolve("server")), url, 0))) {
                server.admin().seedDemo();
                ServerLedger ledger = ServerLedger.over(server.dataSource());
                if (sales > 0) {
                    NetworkChaosRun.Config c = new NetworkChaosRun.Config(s, sales, 25, 120, 25, Duration.ofMillis(800));
                    ok &= new NetworkChaosRun(server, ledger, dir.resolve("network"), System.out).run(c).ok();
                }
                int terminalKills = rounds * 6 / 10;
                if (terminalKills > 0) {
                    crashes.add(new TerminalCrashRun(server, ledger, dir.resolve("terminal-crash"), cp, System.out).run(terminalKills, s));
                }
            }
            int serverKills = rounds - rounds * 6 / 10;
            if (serverKills > 0) {
                crashes.add(new ServerCrashRun(pg, dir.resolve("server-crash-1"), cp, System.out).run(1, serverKills / 2, s));
                crashes.add(new ServerCrashRun(pg, dir.resolve("server-crash-2"), cp, System.out).run(2, serverKills - serverKills / 2, s));
            }
        }
        OutageFigures outage = null;
        if (dbOutageSeconds > 0) {
            outage = new DatabaseOutageRun(dir.resolve("db-outage"), System.out).run(3, Duration.ofSeconds(dbOutageSeconds), s);
            ok &= outage.ok();
        }
        List<FailoverFigures> failovers = new ArrayList<>();
        if (failoverTills > 0) {
            for (ReplicatedPostgres.Mode m : ReplicatedPostgres.Mode.values()) {
                FailoverFigures f = new FailoverRun(dir.resolve("failover-" + m.name().toLowerCase()), System.out).run(m, failoverTills, 100, s);
                failovers.add(f);
                ok &= f.ok();
            }
        }
        int kills = 0, confirmed = 0, onServer = 0, lost = 0, duplicated = 0;
        for (CrashFigures f : crashes) {
            kills += f.kills();
            confirmed += f.verdict().confirmed();
            onServer += f.verdict().onServer();
            lost += f.verdict().lost();
            duplicated += f.verdict().duplicated();
            ok &= f.ok();
        }
        System.out.println();
        crashes.forEach(f -> System.out.println(f.line()));
        if (outage != null) System.out.println(outage.line());
        failovers.forEach(f -> System.out.println(f.line()));
        System.out.printf("kills: %d, sales confirmed: %d, on server: %d, lost: %d, duplicated: %d%n", kills, confirmed, onServer, lost, duplicated);
        System.out.println((ok ? "ALL CHECKS PASSED" : "CHECKS FAILED") + " in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        return ok ? 0 : 1;
    }
}
