/// The typography, spacing and colors of report pages, in points.
enum ReportStyle {
  static let margin = 42.0
  /// Room for the footer under the content: a rule, the title and the page number.
  static let footerRoom = 26.0
  static let titleSize = 22.0
  static let subtitleSize = 12.0
  static let headingSize = 14.0
  static let bodySize = 9.0
  static let smallSize = 7.5
  static let rowHeight = 13.0
  static let lineHeight = 12.5

  static let text = RGBColor.black
  static let muted = RGBColor(red: 0x55, green: 0x55, blue: 0x55)
  static let rule = RGBColor(red: 0xc8, green: 0xc8, blue: 0xc8)
  static let zebra = RGBColor(red: 0xf3, green: 0xf3, blue: 0xf3)
  static let link = RGBColor(red: 0x1f, green: 0x5f, blue: 0xbf)
  static let selfBar = RGBColor(red: 0xe4, green: 0x57, blue: 0x2e)
  static let totalBar = RGBColor(red: 0xf2, green: 0xa1, blue: 0x3b)
  static let regression = RGBColor(red: 0xd6, green: 0x27, blue: 0x28)
  static let improvement = RGBColor(red: 0x1f, green: 0x77, blue: 0xb4)
}
