package dev.tillsync.server.admin;

import dev.tillsync.server.master.ItemRules;

import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.master.PaymentModeData;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.core.master.Unit;
import dev.tillsync.core.master.ShiftTypeData;
import dev.tillsync.server.Services;
import dev.tillsync.server.auth.BackOfficeUsers;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.device.DeviceView;
import dev.tillsync.core.master.CategoryData;
import dev.tillsync.core.sync.Entities;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.Handle;

/**
 * The demo catalogue other modules rely on (exact users, profile, POS-0001 and ITEM-0001). Deterministic
 * (fixed seed) and idempotent: records that exist are left as they are, so a second run changes nothing.
 */
public final class DemoSeed {
    public static final String PROFILE = "Main Store";
    public static final String WAREHOUSE = "Main Warehouse";
    public static final String POS_ID = "POS-0001";
    public static final int ITEM_COUNT = 200;

    private static final String[] TAXED = {
            "Ballpoint Pen", "Notebook A5", "Sticky Notes", "AA Batteries", "Phone Charger", "Dish Soap", "Laundry Detergent",
            "Paper Towels", "Toilet Paper", "Shampoo", "Toothpaste", "Hand Soap", "Cola", "Orange Soda", "Energy Drink",
            "Potato Chips", "Chocolate Bar", "Chewing Gum", "Instant Coffee", "Sparkling Water", "Cookies", "Candy Mix",
            "Light Bulb", "Trash Bags", "Aluminium Foil", "Deodorant", "Sunscreen", "Razor Blades", "Lip Balm", "Ice Cream"};
    private static final String[] BASIC_FOOD = {
            "White Bread", "Whole Milk", "Long Grain Rice", "Free Range Eggs", "Plain Flour", "Red Apples", "Bananas",
            "Potatoes", "Onions", "Tomatoes", "Carrots", "Lentils", "Chickpeas", "Sugar", "Table Salt", "Olive Oil",
            "Butter", "Cheddar Cheese", "Plain Yogurt", "Oats"};
    /** The till's quick-button categories, in button order, and which demo products go in each (by base name). */
    public static final List<String> CATEGORIES = List.of("Stationery", "Drinks", "Snacks", "Household", "Personal care", "Fruit and veg",
            "Dairy and eggs", "Pantry");
    private static final Map<String, String> CATEGORY_OF = categories();
    private static final String[] VARIANTS = {"Small", "Large", "Family Pack", "Value", "Organic", "Classic", "Blue", "Red",
            "Green", "Twin Pack", "Mini", "Premium"};

    /** A demo user with the password (and till PIN) that {@code seed-demo} prints, so a newcomer can log in. */
    public record DemoUser(String email, String role, String password, String pin, String firstName, String lastName) {}

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("admin@demo.shop", "System Manager", "admin-pass", null, "Demo", "Admin"),
            new DemoUser("manager@demo.shop", "Accounts Manager", "manager-pass", null, "Demo", "Manager"),
            new DemoUser("viewer@demo.shop", "Accounts User", "viewer-pass", null, "Demo", "Viewer"),
            new DemoUser("amira@demo.shop", "Accounts User", "amira-pass", "1234", "Amira", "Haddad"),
            new DemoUser("ben@demo.shop", "Accounts User", "ben-pass", "5678", "Ben", "Carter"));

    private DemoSeed() {}

    private static Map<String, String> categories() {
        Map<String, String> m = new HashMap<>();
        String[][] groups = {
                {"Stationery", "Ballpoint Pen", "Notebook A5", "Sticky Notes"},
                {"Drinks", "Cola", "Orange Soda", "Energy Drink", "Instant Coffee", "Sparkling Water"},
                {"Snacks", "Potato Chips", "Chocolate Bar", "Chewing Gum", "Cookies", "Candy Mix", "Ice Cream"},
                {"Household", "AA Batteries", "Phone Charger", "Dish Soap", "Laundry Detergent", "Paper Towels", "Toilet Paper", "Light Bulb",
                        "Trash Bags", "Aluminium Foil"},
                {"Personal care", "Shampoo", "Toothpaste", "Hand Soap", "Deodorant", "Sunscreen", "Razor Blades", "Lip Balm"},
                {"Fruit and veg", "Red Apples", "Bananas", "Potatoes", "Onions", "Tomatoes", "Carrots"},
                {"Dairy and eggs", "Whole Milk", "Free Range Eggs", "Butter", "Cheddar Cheese", "Plain Yogurt"},
                {"Pantry", "White Bread", "Long Grain Rice", "Plain Flour", "Lentils", "Chickpeas", "Sugar", "Table Salt", "Olive Oil", "Oats"}};
        for (String[] g : groups) for (int i = 1; i < g.length; i++) m.put(g[i], g[0]);
        return m;
    }

    /** Creates the categories that are missing and publishes each one created (a second run writes nothing). */
    private static void ensureCategories(Services s, Handle h) {
        for (int i = 0; i < CATEGORIES.size(); i++) {
            String name = CATEGORIES.get(i);
            int created = h.createUpdate("insert into category (name, position) values (:n, :p) on conflict (name) do nothing")
                    .bind("n", name).bind("p", i + 1).execute();
            if (created == 1) s.feed().put(h, Entities.CATEGORY, "", name, new CategoryData(name, null, i + 1, true));
        }
    }

    public static void run(Services s) {
        s.jdbi().useTransaction(h -> {
            s.feed().lock(h);
            for (DemoUser d : USERS) {
                s.users().ensure(h, new BackOfficeUsers.NewUser(d.email(), d.role(), d.password(), d.pin(), d.firstName(), d.lastName()));
            }
            s.catalog().ensureProfile(h, new Catalog.ProfileSpec(PROFILE, WAREHOUSE, Catalog.DEFAULT_PRICE_LIST,
                    List.of(new PaymentModeData("Cash", PaymentModeData.CASH, true, false),
                            new PaymentModeData("Card", PaymentModeData.CARD, false, false)),
                    "VAT 15%", "tillsync Demo Store\n1 Market Street", "Thank you for shopping with us", "tillsync Demo Store",
                    "300000000000003", 0, 1000, ProfileData.DEFAULT_PULL_INTERVAL_SECONDS, null));
            ensureCategories(s, h);
            Random random = new Random(20240531L);
            for (ItemData item : items(random)) {
                long stock = 50 + random.nextInt(451);
                if (!s.catalog().itemExists(h, item.code())) {
                    s.catalog().upsertItem(h, item);
                    s.catalog().setStockMilli(h, WAREHOUSE, item.code(), stock * Unit.MILLI);
                }
            }
            s.catalog().ensureShiftType(h, new ShiftTypeData("Morning", "08:00", "16:00"));
            s.catalog().ensureShiftType(h, new ShiftTypeData("Evening", "16:00", "23:00"));
            if (s.devices().find(h, POS_ID).isEmpty()) {
                s.devices().create(h, new DeviceView(POS_ID, "POS-0001-", "CUST-0001-", PROFILE, 500, null, null,
                        "Front counter till", null,
                        List.of(new DeviceView.DeviceUserView("amira@demo.shop", "Amira", "Haddad", true, true, true),
                                new DeviceView.DeviceUserView("ben@demo.shop", "Ben", "Carter", false, false, false)),
                        List.of(new DeviceView.ShiftUserView("amira@demo.shop", "Morning"),
                                new DeviceView.ShiftUserView("ben@demo.shop", "Evening"))));
            }
        });
    }

    /**
     * The demo items, in code order, each in its category; ITEM-0001 is fixed (no category, as it always was) because
     * other modules' tests scan its barcode and compare it.
     */
    static List<ItemData> items(Random random) {
        List<ItemData> out = new ArrayList<>();
        out.add(new ItemData("ITEM-0001", "Ballpoint Pen Blue", List.of("4006381333931"), 150, 1500, true));
        for (int i = 2; i <= ITEM_COUNT; i++) {
            boolean food = random.nextInt(100) < 35;
            String base = food ? BASIC_FOOD[random.nextInt(BASIC_FOOD.length)] : TAXED[random.nextInt(TAXED.length)];
            String name = base + " " + VARIANTS[random.nextInt(VARIANTS.length)] + " " + (100 + random.nextInt(900)) + (food ? "g" : "");
            long price = 50 + random.nextInt(5951);
            out.add(new ItemData(String.format("ITEM-%04d", i), name, List.of(ean13("20" + String.format("%010d", i))),
                    price, food ? 0 : 1500, true, Unit.UNIT.code(), CATEGORY_OF.get(base), null, null, false));
        }
        return out;
    }

    /** Twelve digits plus the EAN-13 check digit. */
    static String ean13(String twelve) {
        return twelve + ItemRules.checkDigit(twelve);
    }
}
