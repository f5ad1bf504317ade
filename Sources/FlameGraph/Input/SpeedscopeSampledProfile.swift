/// A speedscope profile of `"type": "sampled"`: `samples`, each a list of
/// frame indices from the root, and `weights`, one per sample (each
/// weighs 1 when `weights` is missing).
///
/// A sample naming a frame out of range, or with a negative or non-finite
/// weight, is skipped and counted; `weights` of another length than
/// `samples` is an error.
enum SpeedscopeSampledProfile {
  static func add(
    _ profile: JSONValue, place: String, frames: inout SpeedscopeFrames,
    into builder: CallTreeBuilder, diagnostics: inout ParseDiagnostics, source: String
  ) throws {
    guard let samplesValue = profile["samples"] else {
      throw SpeedscopeImporter.invalid(source, place, "a sampled profile without \"samples\"")
    }
    guard let samples = samplesValue.array else {
      throw SpeedscopeImporter.invalid(
        source, place + ".samples", "\(samplesValue.kindDescription), not an array")
    }
    var weights: [Double]?
    if let weightsValue = profile["weights"], weightsValue != .null {
      // Weights that are not numbers become NaN, which the loop skips.
      guard let list = weightsValue.numbers ?? weightsValue.array?.map({ $0.number ?? .nan })
      else {
        throw SpeedscopeImporter.invalid(
          source, place + ".weights", "\(weightsValue.kindDescription), not an array")
      }
      guard list.count == samples.count else {
        throw SpeedscopeImporter.invalid(
          source, place + ".weights", "\(list.count) weights for \(samples.count) samples")
      }
      weights = list
    }
    var stack: [FrameID] = []
    sampleLoop: for (position, sample) in samples.enumerated() {
      func skip(_ problem: String) {
        diagnostics.recordMalformed(
          source: source, element: "\(place).samples[\(position)]", problem: .init(problem))
      }
      let weight = weights?[position] ?? 1
      guard weight.isFinite, weight >= 0 else {
        skip("the weight is not a finite number of at least 0")
        continue
      }
      guard let indices = sample.numbers else {
        skip("not an array of frame indices")
        continue
      }
      stack.removeAll(keepingCapacity: true)
      for (depth, value) in indices.enumerated() {
        guard let index = frames.index(number: value) else {
          skip("frame [\(depth)] is not a frame index below \(frames.count)")
          continue sampleLoop
        }
        stack.append(frames.id(of: index, in: builder))
      }
      diagnostics.recordValid()
      builder.addStack(frameIDs: stack, count: weight)
    }
  }
}
