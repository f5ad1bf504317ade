/// What the ``FrameCatalog`` reads of a drawn frame: a finished
/// ``FrameBox``, or its plan, so that the catalog can be built while the
/// boxes are finished.
protocol CatalogEntry {
  var node: NodeID { get }
  /// The name as labels show it.
  var name: String { get }
  var fill: RGBColor { get }
  var total: Double { get }
  var selfCount: Double { get }
  /// Index of the parent's entry, -1 for the first.
  var parent: Int { get }
}

extension FrameBox: CatalogEntry {}

extension PlannedBox: CatalogEntry {}
