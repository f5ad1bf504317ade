import FlameGraphTestSupport
import Testing

@testable import FlameGraph

/// Children are drawn by name, or widest first then by name: few children
/// are sorted by insertion, many by the standard library, in one order.
@Suite("Order of children")
struct ChildOrderTests {
  @Test(arguments: [1, 2, 3, 15, 16, 17, 40])
  func childrenComeByNameOrWidestFirstWhateverTheirNumber(count: Int) throws {
    var random = SeededRandom(seed: UInt64(count))
    // Names in a random order, some sharing a prefix, with random counts
    // (ties included, so that size falls back to names).
    let names = (0..<count).map { "f\($0 % 3)_\(Int.random(in: 0..<1_000, using: &random))_\($0)" }
      .shuffled(using: &random)
    let text = names.map { "main;\($0) \(Int.random(in: 1...4, using: &random))" }
      .joined(separator: "\n")
    let profile = try Profile(folded: text)
    let tree = profile.tree
    let main = tree.childIndex().children(of: tree.root)[0]
    let created = tree.childIndex().children(of: main)
    #expect(created.count == count)
    let name = { (node: NodeID) in Array(profile.frames.rawName(of: tree.frame(of: node)).utf8) }

    var byName = created
    ChildOrder(profile: profile, merging: .byName, sorting: .name).sort(&byName)
    #expect(byName == created.sorted { name($0).lexicographicallyPrecedes(name($1)) })

    var bySize = created
    ChildOrder(profile: profile, merging: .byName, sorting: .size).sort(&bySize)
    #expect(
      bySize
        == created.sorted {
          tree.total(of: $0) != tree.total(of: $1)
            ? tree.total(of: $0) > tree.total(of: $1)
            : name($0).lexicographicallyPrecedes(name($1))
        })

    // A flame chart keeps the order of creation.
    var asCreated = created
    ChildOrder(profile: profile, merging: .consecutive).sort(&asCreated)
    #expect(asCreated == created)
  }
}
