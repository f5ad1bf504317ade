/// Two profiles of the same program compared: a differential profile whose
/// widths are the second's and whose colors say what grew or shrank, as
/// `difffolded.pl` and `inferno-diff-folded` make it.
///
/// ```swift
/// let before = try Profile(folded: "main;parse 10\nmain;render 10\n")
/// let after = try Profile(folded: "main;parse 30\nmain;render 10\n")
/// let difference = Profile.difference(before: before, after: after)
/// difference.isDifferential  // true: parse grew from 10 to 30
/// ```
extension Profile {
  /// The differential profile of `after` against `before`: every call path
  /// of either, with the first's counts as "before" and the second's as
  /// the counts drawn. Read both with every node (``TreeRetention/all``,
  /// the default): a path left out of one as too thin would count as
  /// absent from it.
  ///
  /// - Parameters:
  ///   - before: the first run, whose counts become the "before" counts.
  ///   - after: the second run, whose counts are drawn.
  ///   - normalize: scale `before` so that its total equals `after`'s, to
  ///     compare shares rather than absolute counts (runs of different
  ///     lengths).
  public static func difference(before: Profile, after: Profile, normalize: Bool = false)
    -> Profile
  {
    let builder = CallTreeBuilder()
    let beforeScale =
      normalize && before.totalSamples > 0 ? after.totalSamples / before.totalSamples : 1
    var diagnostics = before.diagnostics
    diagnostics.merge(after.diagnostics)
    // Merging adds counts on equal paths, so each profile's self counts can
    // be added on their own: before ones as "before", after ones as counts.
    for (profile, isBefore) in [(before, true), (after, false)] {
      var ids: [FrameID: FrameID] = [:]
      for node in profile.tree.nodesWithSelfSamples() {
        let count = profile.tree.selfCount(of: node)
        guard count > 0 else { continue }
        var path: [FrameID] = []
        var current = node
        while current != profile.tree.root {
          let frame = profile.tree.frame(of: current)
          if let known = ids[frame] {
            path.append(known)
          } else {
            let id = builder.frameID(
              rawName: profile.frames.rawName(of: frame),
              location: profile.frames.importedLocation(of: frame))
            ids[frame] = id
            path.append(id)
          }
          current = profile.tree.parent(of: current)
        }
        path.reverse()
        if isBefore {
          builder.addStack(frameIDs: path, count: 0, before: count * beforeScale)
        } else {
          builder.addStack(frameIDs: path, count: count, before: 0)
        }
      }
    }
    builder.declareUnit(before.unit)
    builder.declareUnit(after.unit)
    return builder.finish(diagnostics: diagnostics)
  }
}
