package dev.tillsync.server.console;

import dev.tillsync.server.master.items.CatalogLists;

/**
 * The categories page: the tree, and the form ({@code editing} null for a new category) holding {@code draft},
 * the saved values or what the user typed. {@code conflictVersion}: see {@link ItemFormModel}.
 */
record CategoriesModel(Frame frame, String notice, String error, CategoryTree tree, CatalogLists.Category editing, Draft draft,
                       Integer conflictVersion, boolean canWrite) {
    record Draft(String name, String parent, String position, boolean active, Integer version) {
        static Draft of(CatalogLists.Category c) {
            return c == null ? new Draft("", "", "0", true, null)
                    : new Draft(c.name(), c.parent() == null ? "" : c.parent(), String.valueOf(c.position()), c.active(), c.version());
        }
    }

    int depth(String name) {
        return tree.nodes().stream().filter(n -> n.name().equals(name)).mapToInt(CategoryTree.Node::depth).findFirst().orElse(0);
    }
}
