/// Rewrites a command line written for flamegraph.pl or inferno into the
/// form the argument parser reads, before it parses anything.
///
/// flamegraph.pl reads its options with Perl's Getopt::Long, which takes a
/// long name after one dash (`-width 900`, `-title=X`) and any unambiguous
/// start of a name (`--inv` for `--inverted`). The argument parser would
/// read `-width` as the short flags `-w -i -d -t -h`, so every argument that
/// names a long option, whole or abbreviated, after one dash or two, is
/// written out in full with two dashes:
///
/// ```swift
/// let normalizer = ArgumentNormalizer(options: FlameGraphCommand.longOptions, shortOptionsTakingValue: ["o"])
/// try normalizer.normalize(["-width", "900", "--inv", "in.folded"])
/// // ["--width", "900", "--inverted", "in.folded"]
/// ```
///
/// The value of an option that takes one is passed through untouched, and
/// joined to its option (`--width=-5`) when it starts with a dash, so that a
/// negative number or a title such as `-x-` reaches the option instead of
/// being read as another one. Everything after `--` is passed through.
struct ArgumentNormalizer {
  /// A long option the command knows: its name without dashes, and whether
  /// it takes a value.
  struct LongOption: Equatable {
    /// The name, such as `width`.
    var name: String
    /// Whether the next argument (or the text after `=`) is its value.
    var takesValue: Bool
  }

  /// What cannot be normalized: a prefix that starts several names.
  struct Ambiguity: Error, CustomStringConvertible {
    /// The argument as written.
    var argument: String
    /// The long names it could stand for, with their dashes.
    var candidates: [String]

    var description: String {
      "\(argument) is ambiguous: it could be \(candidates.joined(separator: ", "))"
    }
  }

  /// Every long option of the command.
  let options: [LongOption]
  /// The short options (without the dash) whose next argument is their value.
  let shortOptionsTakingValue: Set<Character>

  /// The arguments with every long option written in full after two dashes.
  ///
  /// - Throws: ``Ambiguity`` for an abbreviation that starts several names.
  func normalize(_ arguments: [String]) throws -> [String] {
    var result: [String] = []
    result.reserveCapacity(arguments.count)
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--" {
        result += arguments[(index - 1)...]
        break
      }
      guard argument.hasPrefix("-"), argument.count > 1 else {
        result.append(argument)
        continue
      }
      let dashes = argument.hasPrefix("--") ? 2 : 1
      let body = argument.dropFirst(dashes)
      let equals = body.firstIndex(of: "=")
      let name = String(body[..<(equals ?? body.endIndex)])
      // One dash and one letter is a short option (`-i`, `-o out.svg`), or
      // a bundle of them that names no long option (`-vv`).
      if dashes == 1 && name.count == 1 {
        result.append(argument)
        if let short = name.first, shortOptionsTakingValue.contains(short), equals == nil {
          index = appendValue(of: argument, from: arguments, at: index, to: &result)
        }
        continue
      }
      guard let option = try resolve(name, as: argument) else {
        result.append(argument)
        continue
      }
      let written = "--" + option.name
      if let equals {
        result.append(written + body[equals...])
      } else {
        result.append(written)
        if option.takesValue {
          index = appendValue(of: written, from: arguments, at: index, to: &result)
        }
      }
    }
    return result
  }

  /// Appends the value after an option that takes one; returns the index of
  /// the argument after it.
  private func appendValue(
    of option: String, from arguments: [String], at index: Int, to result: inout [String]
  ) -> Int {
    guard index < arguments.count else { return index }
    let value = arguments[index]
    if value.hasPrefix("-") && value != "-" {
      // `--width -5`: joined, so the parser cannot take `-5` for an option.
      result[result.count - 1] = option + "=" + value
    } else {
      result.append(value)
    }
    return index + 1
  }

  /// The option a name stands for: the one of that name, else the only one
  /// that starts with it; nil when none does (the parser then reports it,
  /// or reads a bundle of short flags).
  private func resolve(_ name: String, as argument: String) throws -> LongOption? {
    guard !name.isEmpty else { return nil }
    if let exact = options.first(where: { $0.name == name }) { return exact }
    let matches = options.filter { $0.name.hasPrefix(name) }
    if matches.count > 1 {
      throw Ambiguity(argument: argument, candidates: matches.map { "--" + $0.name })
    }
    return matches.first
  }
}
