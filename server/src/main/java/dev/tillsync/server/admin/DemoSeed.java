package dev.tillsync.server.admin;

import dev.tillsync.server.master.ItemRules;

import dev.tillsync.core.master.CustomerData;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.master.ScaleLayout;
import dev.tillsync.core.pricing.Rounding;
import dev.tillsync.server.catalog.ItemFeed;
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
 * The demo catalogue other modules rely on (exact users, profile, POS-0001, ITEM-0001 and FRUIT-BANANA). Deterministic
 * (fixed seed) and idempotent: records that exist are left as they are, so a second run changes nothing.
 */
public final class DemoSeed {
    public static final String PROFILE = "Main Store";
    public static final String WAREHOUSE = "Main Warehouse";
    public static final String POS_ID = "POS-0001";
    public static final int ITEM_COUNT = 200;
    /** Sold by the kilogram; its scale code is 00042, so a label of the demo layout reads 21 00042 VVVVV C. */
    public static final String BANANA = "FRUIT-BANANA", BANANA_BARCODE = "2100042";
    public static final long BANANA_PRICE_MINOR = 249;
    /** The demo profile's scale labels: prefix 21, five digits of item code, five of weight in kg with three decimals. */
    public static final ScaleLayout SCALE_LAYOUT = new ScaleLayout("21", 5, 5, 3, ScaleLayout.WEIGHT);
    /** The second price list, shelf prices including tax, and the demo customer who buys on it. */
    public static final String INCLUSIVE_LIST = "Retail incl. VAT", INCLUSIVE_CUSTOMER = "CUST-DEMO-0001";
    public static final int MAX_DISCOUNT_BP = 1000;
    public static final long CASH_ROUNDING_MINOR = 5;

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
                    "300000000000003", CASH_ROUNDING_MINOR, MAX_DISCOUNT_BP, ProfileData.DEFAULT_PULL_INTERVAL_SECONDS, SCALE_LAYOUT));
            ensureCategories(s, h);
            Random random = new Random(20240531L);
            List<String> demoCodes = new ArrayList<>(List.of(BANANA));
            for (ItemData item : items(random)) {
                demoCodes.add(item.code());
                long stock = 50 + random.nextInt(451);
                if (!s.catalog().itemExists(h, item.code())) {
                    s.catalog().upsertItem(h, item);
                    s.catalog().setStockMilli(h, WAREHOUSE, item.code(), stock * Unit.MILLI);
                }
            }
            if (!s.catalog().itemExists(h, BANANA)) {
                s.catalog().upsertItem(h, new ItemData(BANANA, "Bananas", List.of(BANANA_BARCODE), BANANA_PRICE_MINOR, 0, true, "kg",
                        "Fruit and veg", null, null, false));
                s.catalog().setStockMilli(h, WAREHOUSE, BANANA, 80 * Unit.MILLI);
            }
            ensureInclusiveList(s, h, demoCodes);
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
     * The price list whose shelf prices include tax, with a price for every demo item (of {@code demoCodes}) that has none
     * there yet (its price plus tax, half-even to the cent), and the demo customer on it; writes nothing when all are there.
     */
    private static void ensureInclusiveList(Services s, Handle h, List<String> demoCodes) {
        s.catalog().ensurePriceList(h, INCLUSIVE_LIST, "USD", 2, true);
        record Price(String code, long priceMinor, int rateBp) {}
        List<Price> missing = h.createQuery("""
                        select p.item_code, p.price_minor, t.rate_bp from item_price p join item i on i.code = p.item_code
                        join tax_category t on t.name = i.tax_category
                        where p.price_list = :std and p.item_code = any(:demo)
                          and not exists (select 1 from item_price q where q.price_list = :incl and q.item_code = p.item_code)
                        order by p.item_code
                        """).bind("std", Catalog.DEFAULT_PRICE_LIST).bind("incl", INCLUSIVE_LIST).bindArray("demo", String.class, demoCodes)
                .map((rs, c) -> new Price(rs.getString(1), rs.getLong(2), rs.getInt(3))).list();
        if (!missing.isEmpty()) {
            var b = h.prepareBatch("insert into item_price (price_list, item_code, price_minor) values (:l, :c, :p)");
            for (Price p : missing) {
                b.bind("l", INCLUSIVE_LIST).bind("c", p.code()).bind("p", Rounding.mulDivHalfEven(p.priceMinor(), 10_000L + p.rateBp(), 10_000L)).add();
            }
            b.execute();
            new ItemFeed(s.feed()).publish(h, missing.stream().map(Price::code).toList());
        }
        int created = h.createUpdate("""
                        insert into customer (number, name, phone, email, price_list) values (:n, 'Retail Customer (prices incl. VAT)',
                            '+1 555 0100', 'retail@demo.shop', :l) on conflict (number) do nothing
                        """).bind("n", INCLUSIVE_CUSTOMER).bind("l", INCLUSIVE_LIST).execute();
        if (created == 1) {
            s.feed().put(h, Entities.CUSTOMER, "", INCLUSIVE_CUSTOMER, new CustomerData(INCLUSIVE_CUSTOMER, "Retail Customer (prices incl. VAT)",
                    "+1 555 0100", "retail@demo.shop", null, INCLUSIVE_LIST));
        }
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
            // "401": a GS1 prefix (the sample catalogue has 400), not 20-29, the in-store prefixes of scale labels.
            out.add(new ItemData(String.format("ITEM-%04d", i), name, List.of(ean13("401" + String.format("%09d", i))),
                    price, food ? 0 : 1500, true, Unit.UNIT.code(), CATEGORY_OF.get(base), null, null, false));
        }
        return out;
    }

    /** A scale label of the demo layout for {@code grams} of bananas (12 digits and the check digit), as a scale prints it. */
    public static String bananaLabel(long grams) {
        return ean13(BANANA_BARCODE + String.format("%05d", grams));
    }

    /** Twelve digits plus the EAN-13 check digit. */
    static String ean13(String twelve) {
        return twelve + ItemRules.checkDigit(twelve);
    }
}
