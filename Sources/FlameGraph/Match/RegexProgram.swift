/// One step of a compiled ``LinearRegex``.
enum RegexInstruction: Sendable {
  /// Consume one character of the set, then go on with the next step.
  case consume(ScalarSet)
  /// Go on with both steps (an alternative or a loop).
  case split(Int, Int)
  /// Go on with this step.
  case jump(Int)
  /// Go on only where the assertion holds.
  case assert(RegexAssertion)
  /// The pattern matched.
  case match
}

/// A ``RegexNode`` compiled to instructions for a Pike virtual machine, as
/// in Thompson's construction: each instruction is visited at most once
/// per character of the text, which is what makes matching linear.
struct RegexProgram: Sendable {
  /// The most instructions a pattern may compile to: counted repetitions
  /// are copied out, so `(a{1000}){1000}` would otherwise be a million.
  static let maximumSize = 10_000

  private(set) var instructions: [RegexInstruction] = []

  /// Compiles a node; `caseInsensitive` folds every set to both ASCII cases.
  init(_ node: RegexNode, caseInsensitive: Bool) throws(LinearRegexError) {
    try emit(node, caseInsensitive: caseInsensitive)
    try append(.match)
  }

  private mutating func append(_ instruction: RegexInstruction) throws(LinearRegexError) {
    guard instructions.count < Self.maximumSize else {
      throw LinearRegexError(
        offset: 0,
        message:
          "the pattern is too large (over \(Self.maximumSize) steps once repetitions are expanded)"
      )
    }
    instructions.append(instruction)
  }

  private mutating func emit(_ node: RegexNode, caseInsensitive: Bool) throws(LinearRegexError) {
    switch node {
    case .empty:
      break
    case .character(let set):
      try append(.consume(caseInsensitive ? set.caseInsensitive : set))
    case .assertion(let assertion):
      try append(.assert(assertion))
    case .sequence(let items):
      for item in items { try emit(item, caseInsensitive: caseInsensitive) }
    case .alternation(let alternatives):
      // split L1, next; L1: a; jump end; next: split L2, ...; last
      var jumpsToEnd: [Int] = []
      for (index, alternative) in alternatives.enumerated() {
        if index < alternatives.count - 1 {
          let split = instructions.count
          try append(.split(split + 1, -1))
          try emit(alternative, caseInsensitive: caseInsensitive)
          jumpsToEnd.append(instructions.count)
          try append(.jump(-1))
          instructions[split] = .split(split + 1, instructions.count)
        } else {
          try emit(alternative, caseInsensitive: caseInsensitive)
        }
      }
      for jump in jumpsToEnd { instructions[jump] = .jump(instructions.count) }
    case .repetition(let body, let minimum, let maximum):
      for _ in 0..<minimum { try emit(body, caseInsensitive: caseInsensitive) }
      if let maximum {
        // (x(x(x)?)?)?: each optional copy may stop the repetition.
        var splits: [Int] = []
        for _ in minimum..<maximum {
          splits.append(instructions.count)
          try append(.split(-1, -1))
          try emit(body, caseInsensitive: caseInsensitive)
        }
        for split in splits { instructions[split] = .split(split + 1, instructions.count) }
      } else {
        // loop: split body, out; body: x; jump loop; out:
        let loop = instructions.count
        try append(.split(-1, -1))
        try emit(body, caseInsensitive: caseInsensitive)
        try append(.jump(loop))
        instructions[loop] = .split(loop + 1, instructions.count)
      }
    }
  }
}
