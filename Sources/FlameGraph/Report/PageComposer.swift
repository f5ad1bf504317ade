/// Puts report content on pages: a cursor going down the current page,
/// a new page when a block does not fit, and text measured with the
/// report's fonts so that nothing overflows its room.
struct PageComposer {
  let paper: Paper
  let regular: any TextMeasurer
  let bold: any TextMeasurer
  private(set) var pages: [Page] = []
  /// Where the next block starts on the current page.
  var y = 0.0

  init(paper: Paper, regular: any TextMeasurer, bold: any TextMeasurer) {
    self.paper = paper
    self.regular = regular
    self.bold = bold
  }

  var page: Page { pages[pages.count - 1] }
  var left: Double { ReportStyle.margin }
  var contentWidth: Double { page.width - 2 * ReportStyle.margin }
  var right: Double { page.width - ReportStyle.margin }
  /// The lowest y content may reach on the current page.
  var bottom: Double { page.height - ReportStyle.margin - ReportStyle.footerRoom }
  var roomLeft: Double { bottom - y }

  /// Starts a page; its anchor names it for links and bookmarks.
  mutating func startPage(anchor: String, landscape: Bool = false) {
    let size = paper.size(landscape: landscape)
    pages.append(Page(width: size.width, height: size.height, anchor: anchor))
    y = ReportStyle.margin
  }

  /// Makes sure `height` points fit below the cursor, starting a portrait
  /// page (anchored `anchor`) when they do not.
  mutating func ensureRoom(_ height: Double, anchor: String) {
    if y + height > bottom && y > ReportStyle.margin {
      startPage(anchor: "\(anchor)-\(pages.count + 1)")
    }
  }

  mutating func add(_ item: PageItem) { pages[pages.count - 1].items.append(item) }

  mutating func add(_ items: [PageItem], toPage index: Int) { pages[index].items += items }

  func measurer(_ weight: FontWeight) -> any TextMeasurer { weight == .bold ? bold : regular }

  func width(_ text: String, size: Double, weight: FontWeight = .normal) -> Double {
    measurer(weight).width(of: text[...], fontSize: size)
  }

  /// The text, or the longest shorter form of it (smart labels: a function
  /// without its module, a file without its folder) or cut keeping its end,
  /// that fits `width`.
  func fit(_ text: String, width: Double, size: Double, weight: FontWeight = .normal) -> String {
    if self.width(text, size: size, weight: weight) <= width { return text }
    let fitter = LabelFitter(
      measurer: measurer(weight), fontSize: size, truncation: .keepEnd, style: .smart)
    // The fitter keeps padding on both sides of its box.
    return fitter.fit(
      text, ladder: LabelAbbreviator.ladder(for: text), width: width + 2 * LabelFitter.padding)?
      .text ?? String(LabelFitter.ellipsis)
  }

  /// Writes a run with its baseline at `y`; the caller moves the cursor.
  mutating func text(
    _ text: String, x: Double, y: Double, size: Double, weight: FontWeight = .normal,
    color: RGBColor = ReportStyle.text, anchor: TextAnchor = .start
  ) {
    add(
      .text(
        TextRun(
          text: text, x: x, y: y, fontSize: size, anchor: anchor, weight: weight, color: color)))
  }

  /// The lines of `text` wrapped to `width`: breaks after spaces and after
  /// `/ . ; , :` (names and paths have few spaces), and inside a word only
  /// when nothing else fits.
  func wrap(_ text: String, width: Double, size: Double, weight: FontWeight = .normal) -> [String] {
    var lines: [String] = []
    var rest = Substring(text)
    while !rest.isEmpty {
      if self.width(String(rest), size: size, weight: weight) <= width {
        lines.append(String(rest))
        break
      }
      var end = rest.startIndex
      var lastBreak: String.Index?
      var index = rest.startIndex
      while index < rest.endIndex {
        let next = rest.index(after: index)
        guard self.width(String(rest[rest.startIndex..<next]), size: size, weight: weight) <= width
        else { break }
        end = next
        if " /.;,:".contains(rest[index]) { lastBreak = next }
        index = next
      }
      let cut = lastBreak ?? (end > rest.startIndex ? end : rest.index(after: rest.startIndex))
      lines.append(String(rest[rest.startIndex..<cut]).trimmingTrailingSpaces())
      rest = rest[cut...].drop { $0 == " " }
    }
    return lines
  }

  /// Writes wrapped text from the cursor down, at most `maximumLines`
  /// lines (the last one ending with an ellipsis when cut).
  mutating func paragraph(
    _ text: String, x: Double? = nil, width: Double? = nil, size: Double = ReportStyle.bodySize,
    weight: FontWeight = .normal, color: RGBColor = ReportStyle.text,
    lineHeight: Double = ReportStyle.lineHeight, maximumLines: Int = .max, anchor: String
  ) {
    let x = x ?? left
    let width = width ?? (right - x)
    var lines = wrap(text, width: width, size: size, weight: weight)
    if lines.count > maximumLines {
      lines = Array(lines.prefix(maximumLines))
      lines[lines.count - 1] = fit(
        lines[lines.count - 1] + "\u{2026}", width: width, size: size, weight: weight)
    }
    for line in lines {
      ensureRoom(lineHeight, anchor: anchor)
      self.text(line, x: x, y: y + size, size: size, weight: weight, color: color)
      y += lineHeight
    }
  }

  /// A heading, kept with `keepWith` points of what follows it.
  mutating func heading(_ title: String, keepWith: Double = 60, anchor: String) {
    ensureRoom(ReportStyle.headingSize * 2 + keepWith, anchor: anchor)
    if y > ReportStyle.margin { y += 8 }
    text(
      fit(title, width: contentWidth, size: ReportStyle.headingSize, weight: .bold), x: left,
      y: y + ReportStyle.headingSize, size: ReportStyle.headingSize, weight: .bold)
    y += ReportStyle.headingSize + 8
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
