/// Attributes the user gave to the frames of one function
/// (``FrameAttributeMap``): a title instead of the tooltip, and attributes
/// for the frame's element, such as a link (`xlink:href`), `class` or `id`.
///
/// The SVG backend writes a frame with a link as an `<a>` element carrying
/// the attributes, and any other frame with attributes as a `<g>` carrying
/// them, as inferno and flamegraph.pl do.
public struct FrameAttributes: Sendable, Equatable {
  /// The text of the frame's tooltip instead of its name and counts; nil
  /// keeps the tooltip.
  public var title: String?
  /// The element's attributes in the order the file gave them; a later
  /// value of a name replaces the earlier one in its place.
  public var attributes: [FrameAttribute]

  /// Attributes with an optional title.
  public init(title: String? = nil, attributes: [FrameAttribute] = []) {
    self.title = title
    self.attributes = attributes
  }

  /// The link target (`xlink:href`), if any.
  public var link: String? { attributes.first { $0.name == "xlink:href" }?.value }

  /// The value of the attribute `name`, if set.
  public subscript(name: String) -> String? {
    attributes.first { $0.name == name }?.value
  }

  /// Sets `name` to `value`, in place when it is already set; returns the
  /// value it replaced.
  @discardableResult
  mutating func set(_ name: String, _ value: String) -> String? {
    if let index = attributes.firstIndex(where: { $0.name == name }) {
      let old = attributes[index].value
      attributes[index].value = value
      return old
    }
    attributes.append(FrameAttribute(name: name, value: value))
    return nil
  }
}

/// One attribute of a frame's element: a name (an XML name such as `class`
/// or `xlink:href`) and its value, unescaped.
public struct FrameAttribute: Sendable, Equatable {
  /// The attribute's name.
  public var name: String
  /// Its value, as text (backends escape it).
  public var value: String

  /// An attribute.
  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}
