extension PprofProfile {
  /// The unit of one sample type's values: its `unit` string read as a
  /// ``CountUnit`` (`nanoseconds`, `bytes`), `count` as samples for the
  /// `samples` type and as the type's own name for others
  /// (`alloc_objects`); sampled every `period` when the `period_type` is
  /// a time (a CPU profile's `cpu`/`nanoseconds` every 10 ms).
  func unit(ofSampleType index: Int) -> CountUnit {
    let valueType = sampleTypes[index]
    let type = string(valueType.type)
    let unitName = string(valueType.unit)
    var unit = CountUnit(declaredName: unitName)
    if unit.kind == .samples && !type.isEmpty && type.lowercased() != "samples" {
      unit = CountUnit(.named(type))
    }
    // The period's type is not checked by the decoder: a bad index gives no interval.
    let periodUnit =
      strings.indices.contains(Int(clamping: periodType.unit))
      ? CountUnit(declaredName: strings[Int(periodType.unit)]) : nil
    if period > 0, let periodUnit, case .time(let scale) = periodUnit.kind {
      unit.samplingInterval = Double(period) * scale.seconds
    }
    return unit
  }
}
