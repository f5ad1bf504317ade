/// Finds a pprof table entry (location, function, mapping) by its id.
///
/// Ids are usually 1, 2, 3 ...: then a dense array indexed by id answers
/// with one load; ids spread far apart fall back to a dictionary. Id 0 is
/// never an entry (`profile.proto` reserves it for "none"); of repeated
/// ids, the first entry wins.
struct PprofIDIndex {
  private var dense: [Int32] = []
  private var sparse: [UInt64: Int32] = [:]
  private let isDense: Bool

  /// An index of the ids of a table, in table order.
  init(_ ids: [UInt64]) {
    let largest = ids.max() ?? 0
    isDense = largest <= UInt64(ids.count) * 2 + 1024
    if isDense {
      dense = [Int32](repeating: -1, count: Int(largest) + 1)
      for (index, id) in ids.enumerated() where id != 0 && dense[Int(id)] < 0 {
        dense[Int(id)] = Int32(index)
      }
    } else {
      for (index, id) in ids.enumerated() where id != 0 && sparse[id] == nil {
        sparse[id] = Int32(index)
      }
    }
  }

  /// The table index of the entry with this id, or nil when none has it.
  @inline(__always)
  func index(of id: UInt64) -> Int? {
    if isDense {
      guard id < UInt64(dense.count) else { return nil }
      let index = dense[Int(id)]
      return index < 0 ? nil : Int(index)
    }
    return sparse[id].map(Int.init)
  }
}
