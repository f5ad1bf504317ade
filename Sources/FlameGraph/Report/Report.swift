/// A laid-out report: the ``Document`` any document backend draws (PDF or
/// PNG pages through Cairo), and the figures it shows, for library users
/// who want them as data.
///
/// ```swift
/// let report = ReportLayout(options: ReportOptions()).report(for: profile)
/// report.document.pages.count     // summary, graph, hot paths ...
/// report.topBySelf.first?.name    // the function with the most samples of its own
/// ```
public struct Report: Sendable {
  /// The pages, outline and metadata.
  public var document: Document
  /// The functions with the most samples of their own, most first.
  public var topBySelf: [FunctionShare]
  /// The functions on the most stacks (each stack counted once per
  /// function, however deep its recursion), most first.
  public var topByTotal: [FunctionShare]
  /// The frames given a page of their own, widest first.
  public var hotPaths: [HotPath]
  /// Of a differential profile: the functions whose own samples grew
  /// most, most first; empty otherwise.
  public var regressions: [FunctionShare]
  /// Of a differential profile: the functions whose own samples shrank
  /// most, most first; empty otherwise.
  public var improvements: [FunctionShare]
}

/// One function's samples: its own, and those of the stacks through it.
public struct FunctionShare: Sendable, Equatable {
  /// The function's name (annotation suffix stripped).
  public var name: String
  /// Samples in the function itself.
  public var selfCount: Double
  /// Samples of the stacks that contain the function, each counted once.
  public var total: Double
  /// Of a differential profile, ``selfCount`` before; 0 otherwise.
  public var beforeSelfCount: Double
  /// Of a differential profile, ``total`` before; 0 otherwise.
  public var beforeTotal: Double
}

/// A frame that has a page of its own in a report.
public struct HotPath: Sendable, Equatable {
  /// The call-tree node zoomed on the page.
  public var node: NodeID
  /// Its name.
  public var name: String
  /// Its samples (its subtree's).
  public var total: Double
  /// The index of its page in ``Document/pages``.
  public var pageIndex: Int
}
