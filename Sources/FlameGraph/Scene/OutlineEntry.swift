/// A bookmark of a ``Document``'s outline: a title that goes to a page,
/// with bookmarks of its own under it.
public struct OutlineEntry: Sendable, Equatable {
  /// What the bookmark says.
  public var title: String
  /// The ``Page/anchor`` of the page it opens.
  public var destination: String
  /// Bookmarks nested under this one.
  public var children: [OutlineEntry]

  /// A bookmark.
  public init(title: String, destination: String, children: [OutlineEntry] = []) {
    self.title = title
    self.destination = destination
    self.children = children
  }
}
