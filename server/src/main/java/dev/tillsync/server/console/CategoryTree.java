package dev.tillsync.server.console;

import dev.tillsync.server.master.items.CatalogLists;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Categories in tree order (each parent followed by its children, by position then name) with their depth, so a
 * page can indent them. Invariant: every category appears exactly once, even one whose parent chain is broken.
 */
record CategoryTree(List<Node> nodes) {
    record Node(CatalogLists.Category category, int depth, String path) {
        /** The name with its parents ("Grocery › Tea"), for an option of a select, which can hold no indenting markup. */
        String indentedName() {
            return path;
        }

        String name() {
            return category.name();
        }
    }

    static CategoryTree of(List<CatalogLists.Category> all) {
        List<Node> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> names = new HashSet<>();
        all.forEach(c -> names.add(c.name()));
        for (CatalogLists.Category c : all) {
            if (c.parent() == null || !names.contains(c.parent())) add(all, c, 0, "", out, seen);
        }
        for (CatalogLists.Category c : all) add(all, c, 0, "", out, seen);
        return new CategoryTree(out);
    }

    private static void add(List<CatalogLists.Category> all, CatalogLists.Category c, int depth, String above, List<Node> out, Set<String> seen) {
        if (!seen.add(c.name())) return;
        String path = above + c.name();
        out.add(new Node(c, depth, path));
        for (CatalogLists.Category child : all) {
            if (c.name().equals(child.parent())) add(all, child, depth + 1, path + " › ", out, seen);
        }
    }

    /** The names a category may take as parent: not itself and not one below it (that would make a loop). */
    List<Node> parentChoices(String self) {
        if (self == null) return nodes;
        Set<String> below = new HashSet<>();
        below.add(self);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Node n : nodes) {
                if (n.category().parent() != null && below.contains(n.category().parent()) && below.add(n.name())) grew = true;
            }
        }
        return nodes.stream().filter(n -> !below.contains(n.name())).toList();
    }
}
