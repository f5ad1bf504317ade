/// A paged document as a display list: pages of styled text, lines,
/// rectangles, links and placed scenes, an outline and metadata. A backend
/// draws it without knowing what it is about (a report is one).
///
/// ```swift
/// var page = Page(width: 595.28, height: 841.89, anchor: "first")
/// page.items.append(.text(TextRun(text: "Hello", x: 40, y: 60, fontSize: 18)))
/// let document = Document(title: "Hello", fontFamily: "DejaVu Sans", pages: [page])
/// ```
public struct Document: Sendable {
  /// The document title (PDF metadata).
  public var title: String
  /// What it is about (PDF metadata); empty for none.
  public var subject: String
  /// The font family list of all text, as in ``SceneFont/family``.
  public var fontFamily: String
  /// The pages, in order.
  public var pages: [Page]
  /// The bookmarks, in order.
  public var outline: [OutlineEntry]

  /// A document.
  public init(
    title: String, subject: String = "", fontFamily: String, pages: [Page],
    outline: [OutlineEntry] = []
  ) {
    self.title = title
    self.subject = subject
    self.fontFamily = fontFamily
    self.pages = pages
    self.outline = outline
  }
}
