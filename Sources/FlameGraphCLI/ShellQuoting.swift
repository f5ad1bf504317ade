/// Arguments written back as a shell command line a reader can paste.
enum ShellQuoting {
  /// The arguments joined by spaces, each quoted when the shell would
  /// otherwise split or expand it.
  static func commandLine(_ arguments: [String]) -> String {
    arguments.map(quoted).joined(separator: " ")
  }

  static func quoted(_ argument: String) -> String {
    let plain = argument.unicodeScalars.allSatisfy { scalar in
      (scalar.value >= 0x30 && scalar.value <= 0x39)
        || (scalar.value | 32 >= 0x61 && scalar.value | 32 <= 0x7a)
        || "-_./=:,+%@".unicodeScalars.contains(scalar)
    }
    if plain && !argument.isEmpty { return argument }
    return "'" + argument.replacingAll("'", with: "'\\''") + "'"
  }
}

extension String {
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
