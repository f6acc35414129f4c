package org.opsdesk.application;

import java.util.List;

/** One page of a longer list: the items, how many there are in all, and where this page starts. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
}
