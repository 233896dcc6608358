package io.cxlake.jobs.report;

/** One section of the report: an anchor id, a title, and its body as read from the lake. */
interface Section {
  String id();

  String title();

  /** Renders the section; a missing table becomes a "not available" line, never an exception. */
  void render(LakeView lake, Body out);
}
