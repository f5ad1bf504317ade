import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns planned boxes into ``FrameBox``es: tooltip, label and code. Each
/// box depends on its plan alone, so large scenes are finished on every
/// core, each core a contiguous range, with the same boxes in the same
/// places as one core makes.
struct BoxFinisher: @unchecked Sendable {
  // Unchecked: every member is only read here. The measurers behind the
  // fitters are `Sendable`.
  let fitter: LabelFitter
  let decorations: FrameDecorations
  let tooltips: TooltipBuilder
  let truncation: LabelTruncation
  let frameHeight: Double
  /// Narrower boxes get an empty tooltip (``Options/tooltipMinimumWidth``).
  let tooltipMinimumWidth: Double

  /// Scenes of fewer boxes are finished on one core: handing out the
  /// work would cost more than it saves.
  static let parallelThreshold = 4096

  /// The boxes of `plans`, in order; on every core from `parallelFrom`
  /// boxes on (``parallelThreshold`` unless a test says otherwise).
  func boxes(for plans: [PlannedBox], parallelFrom: Int) -> [FrameBox] {
    let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    guard plans.count >= max(parallelFrom, 1), cores > 1 else { return plans.map(box) }
    let parts = min(cores, max(1, plans.count / 1024))
    return plans.withUnsafeBufferPointer { plans in
      nonisolated(unsafe) let input = plans
      return [FrameBox](unsafeUninitializedCapacity: plans.count) { output, initialized in
        // Each part initializes its own range of the buffer, allocated before.
        nonisolated(unsafe) let output = output
        DispatchQueue.concurrentPerform(iterations: parts) { part in
          let start = input.count * part / parts
          let end = input.count * (part + 1) / parts
          for index in start..<end {
            (output.baseAddress! + index).initialize(to: box(for: input[index]))
          }
        }
        initialized = input.count
      }
    }
  }

  /// The box of one plan.
  func box(for plan: PlannedBox) -> FrameBox {
    // Most boxes of a large profile are thinner than a pixel: formats that
    // show no tooltip of them spare building one a box.
    let tooltip =
      plan.attributes?.title
      ?? (plan.width < tooltipMinimumWidth
        ? ""
        : tooltips.tooltip(
          name: plan.name, total: plan.total, share: plan.share, deltaShare: plan.deltaShare,
          sourceLine: plan.sourceLine))
    let x = plan.x
    let width = plan.width
    let label = fitter.fit(plan.name, ladder: plan.ladder, width: width).map { fitted in
      let trailing = fitted.isCut && truncation == .keepEnd
      return FittedLabel(
        text: fitted.text,
        x: trailing ? x + width - LabelFitter.padding : x + LabelFitter.padding, y: 0,
        alignment: trailing ? .trailing : .leading, isTruncated: fitted.isTruncated,
        color: plan.fill.labelColor)
    }
    return FrameBox(
      node: plan.node, parent: plan.parent, depth: plan.depth, x: x, y: 0, width: width,
      height: frameHeight - 1, fill: plan.fill, name: plan.name, label: label, tooltip: tooltip,
      sourceLine: plan.sourceLine,
      code: plan.sourceLine.flatMap {
        decorations.fitCode($0, x: x, width: width, labelColor: plan.fill)
      },
      category: plan.category, total: plan.total, selfCount: plan.selfCount,
      beforeTotal: plan.before, attributes: plan.attributes)
  }
}
