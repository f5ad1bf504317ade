import FlameGraph

extension FlameGraphCommand {
  /// How colors vary within the palette: `--deterministic` over `--hash`
  /// over `--random` (flamegraph.pl's order for the last two), else seeded.
  var colorKeying: ColorKeying {
    if deterministic { return .deterministic }
    if hash { return .nameHash }
    return random ? .random : .seeded
  }

  /// What was done with flags that inferno refuses together, or that have
  /// no effect beside others: one warning each, so nothing is picked
  /// silently.
  var combinationWarnings: [String] {
    var notes: [String] = []
    let keyings = [("--deterministic", deterministic), ("--hash", hash), ("--random", random)]
      .filter(\.1).map(\.0)
    if keyings.count > 1 {
      let listed =
        keyings.count == 2
        ? "\(keyings[0]) and \(keyings[1]) both"
        : "\(keyings.dropLast().joined(separator: ", ")) and \(keyings.last!) all"
      notes.append("\(listed) choose how colors vary; using \(keyings[0])")
    }
    if let colors, colordiffusion || categories != nil || preset == .python {
      let by = colordiffusion ? "--colordiffusion, which colors by width" : "categories"
      notes.append("--colors \(colors.rawValue) has no effect with \(by)")
    }
    if reverse && flamechart {
      notes.append(
        "--reverse with --flamechart: each stack is reversed (leaf at the base) and stacks keep their time order"
      )
    }
    if sort != nil && flamechart {
      notes.append("--sort is ignored with --flamechart, which keeps time order")
    }
    if let encoding, !Self.isUTF8(encoding) {
      notes.append("the SVG is always UTF-8; --encoding \(encoding) is ignored")
    }
    return notes
  }

  /// Whether an encoding name means UTF-8 (`utf-8`, `UTF8`, `utf_8`).
  static func isUTF8(_ name: String) -> Bool {
    name.lowercased().filter { $0 != "-" && $0 != "_" } == "utf8"
  }
}
