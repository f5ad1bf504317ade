/// What placing decides for one box in drawing order, before the box is
/// finished (``BoxFinisher``): its place, and the parts that come from
/// caches or a seeded generator, which must be asked in that order.
struct PlannedBox: Sendable {
  var node: NodeID
  /// Index of the parent's box, -1 for the first box.
  var parent: Int
  var depth: Int
  var x: Double
  var width: Double
  var total: Double
  /// The samples of stacks that end at the node.
  var selfCount: Double
  /// The box's share of the profile's total.
  var share: Double
  /// First count of a differential profile; nil otherwise.
  var before: Double?
  /// The change shown in the tooltip of a differential profile.
  var deltaShare: Double?
  var name: String
  var fill: RGBColor
  var category: Int?
  var sourceLine: String?
  var attributes: FrameAttributes?
  /// The name's shorter forms, when its label may need them.
  var ladder: LabelLadder
}
