package dev.spur.processor.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The routes of one HTTP method as a segment trie: each node has literal children, at most one
 * parameter child, and the routes that end at it or take the rest of the path from it. Walking it
 * depth first, literal before parameter before catch-all, with backtracking, yields the route of
 * highest priority (DESIGN "Paths", step 2).
 */
public final class RouteTree {

    private final String method;
    private final Node root = new Node(0);

    private RouteTree(String method) {
        this.method = method;
    }

    /** A tree of {@code routes} (indices into {@code all}) in the order given. */
    public static RouteTree of(String method, List<RouteModel> all, List<Integer> routes) {
        RouteTree tree = new RouteTree(method);
        for (int index : routes) {
            tree.add(index, all.get(index).template());
        }
        return tree;
    }

    private void add(int route, PathTemplate template) {
        Node node = root;
        for (Segment segment : template.segments()) {
            switch (segment) {
                case Segment.Literal literal -> {
                    Node parent = node;
                    node = parent.literals.computeIfAbsent(literal.canonical(), k -> new Node(parent.depth + 1));
                }
                case Segment.Param param -> {
                    if (node.param == null) {
                        node.param = new Node(node.depth + 1);
                    }
                    node = node.param;
                }
                case Segment.CatchAll catchAll -> {
                    node.catchAll.add(route);
                    return;
                }
            }
        }
        node.terminal.add(route);
    }

    /** The HTTP method this tree serves (for HEAD, possibly with the GET routes merged in). */
    public String method() {
        return method;
    }

    /** The root node; its segment is the one after the path's leading slash. */
    public Node root() {
        return root;
    }

    /** A trie node. Children are ordered (literals sorted) so that generated code is deterministic. */
    public static final class Node {
        private final SortedMap<String, Node> literals = new TreeMap<>();
        private final List<Integer> terminal = new ArrayList<>();
        private final List<Integer> catchAll = new ArrayList<>();
        private Node param;
        private final int depth;

        private Node(int depth) {
            this.depth = depth;
        }

        /** Literal children by canonical literal text. */
        public SortedMap<String, Node> literals() {
            return Collections.unmodifiableSortedMap(literals);
        }

        /** The parameter child, or null. */
        public Node param() {
            return param;
        }

        /** Routes whose template ends at this node, in priority order. */
        public List<Integer> terminal() {
            return Collections.unmodifiableList(terminal);
        }

        /** Routes whose catch-all takes the rest of the path from this node's children on. */
        public List<Integer> catchAll() {
            return Collections.unmodifiableList(catchAll);
        }

        /** Whether any route continues below this node. */
        public boolean hasChildren() {
            return !literals.isEmpty() || param != null || !catchAll.isEmpty();
        }

        /** How many segments lie above this node's children (0 for the root). */
        public int depth() {
            return depth;
        }
    }
}
