import FlameGraph

extension SVGRenderer {
  /// Writes the data block that flamegraph.js reads once, when the document
  /// loads: the layout constants, the name table, the drawn frames as
  /// columns (parent, name, total) and the thin frames kept for search. The
  /// format is described at the top of flamegraph.js.
  ///
  /// Positions are not written: the script recomputes them from the totals
  /// with the layout's own arithmetic, which is also what it does on a zoom.
  func writeViewerData(_ scene: Scene, area: FramesArea, to writer: ByteWriter) {
    let catalog = scene.catalog ?? FrameCatalog(boxes: scene.frames)
    let frames = scene.frames
    writer.write("<script type=\"application/json\" id=\"fg-data\">\n{\"version\":1,\"total\":")
    writer.writeJSONNumber(scene.totalSamples)
    writer.write(",\"nameType\":")
    writer.writeJSONString(scene.details.nameType, for: .markup)
    writer.write(",\"searchColor\":\"")
    writer.write(hexColor: scene.searchColor)
    writer.write("\",\"direction\":")
    writer.writeJSONString(scene.direction.rawValue, for: .markup)
    if let stroke = scene.frameStroke {
      writer.write(",\"frameStroke\":\"")
      writer.write(hexColor: stroke)
      writer.write("\"")
    }
    writer.write(",\"font\":")
    writer.writeJSONString(scene.font.family, for: .markup)
    writeLayoutConstants(scene, to: writer)
    writer.write(",\n\"rows\":{\"top\":")
    writer.writeJSONArray(area.rowTops) { writer.writeJSONNumber($0) }
    writer.write(",\"height\":")
    writer.writeJSONArray(area.rowHeights) { writer.writeJSONNumber($0) }
    writer.write("}")
    writer.write(",\n\"names\":")
    writer.writeJSONArray(catalog.names) { writer.writeJSONString($0, for: .markup) }
    if scene.geometry.labelStyle == .smart { writeLadders(catalog, to: writer) }
    writer.write(",\n\"frames\":{\"parent\":")
    // Indices, not boxes: copying a box copies its strings.
    writer.writeJSONArray(frames.indices) { writer.writeJSONInteger(frames[$0].parent) }
    writer.write(",\n\"name\":")
    writer.writeJSONArray(catalog.frameNames) { writer.writeJSONInteger(Int($0)) }
    writer.write(",\n\"total\":")
    writer.writeJSONArray(frames.indices) { writer.writeJSONNumber(frames[$0].total) }
    writer.write("},\n\"code\":")
    // Source lines drawn under labels: re-fitted on a zoom, in the color
    // layout chose for them.
    let coded = frames.indices.filter { frames[$0].code != nil && frames[$0].sourceLine != nil }
    writer.writeJSONArray(coded) { index in
      writer.write(byte: UInt8(ascii: "["))
      writer.writeJSONInteger(index)
      writer.write(byte: UInt8(ascii: ","))
      writer.writeJSONString(frames[index].sourceLine!, for: .markup)
      writer.write(",\"")
      writer.write(hexColor: frames[index].code!.color)
      writer.write("\"]")
    }
    writer.write(",\n\"lightLabels\":")
    writer.writeJSONArray(catalog.lightLabelFrames) { writer.writeJSONInteger(Int($0)) }
    writer.write(",\n\"thin\":{\"parent\":")
    writer.writeJSONArray(catalog.thinFrames) { writer.writeJSONInteger(Int($0.parent)) }
    writer.write(",\n\"name\":")
    writer.writeJSONArray(catalog.thinFrames) { writer.writeJSONInteger(Int($0.name)) }
    writer.write(",\n\"total\":")
    writer.writeJSONArray(catalog.thinFrames) { writer.writeJSONNumber($0.total) }
    writer.write("},\n\"unlisted\":")
    let unlisted = catalog.unlistedSamples.enumerated().filter { $0.element > 0 }
    writer.writeJSONArray(unlisted) { entry in
      writer.write(byte: UInt8(ascii: "["))
      writer.writeJSONInteger(entry.offset)
      writer.write(byte: UInt8(ascii: ","))
      writer.writeJSONNumber(entry.element)
      writer.write(byte: UInt8(ascii: "]"))
    }
    writer.write("}\n</script>\n")
  }

  /// The constants of `LabelFitter` and of the layout, exactly (the script
  /// must reproduce the layout's floating-point results).
  private func writeLayoutConstants(_ scene: Scene, to writer: ByteWriter) {
    let geometry = scene.geometry
    writer.write(",\n\"layout\":{\"width\":")
    writer.writeJSONNumber(scene.width)
    writer.write(",\"sidePadding\":")
    writer.writeJSONNumber(geometry.sidePadding)
    // Only a fixed scale (`--total`) is written, so other graphs keep
    // their bytes.
    if geometry.scaleTotal > 0 {
      writer.write(",\"scaleTotal\":")
      writer.writeJSONNumber(geometry.scaleTotal)
    }
    writer.write(",\"labelPadding\":")
    writer.writeJSONNumber(geometry.labelPadding)
    writer.write(",\"frameHeight\":")
    writer.writeJSONNumber(geometry.frameHeight)
    writer.write(",\"labelBaseline\":")
    writer.writeJSONNumber(geometry.labelBaseline)
    writer.write(",\"fontSize\":")
    writer.writeJSONNumber(scene.font.size)
    writer.write(",\"characterWidth\":")
    writer.writeJSONNumber(scene.font.characterWidth)
    writer.write(",\"minimumKeptCharacters\":")
    writer.writeJSONInteger(geometry.minimumKeptCharacters)
    writer.write(",\"ellipsis\":")
    writer.writeJSONString(geometry.ellipsis, for: .markup)
    writer.write(",\"truncation\":")
    writer.writeJSONString(geometry.truncation.rawValue, for: .markup)
    // Absent means full labels, so that full labels write what they always did.
    if geometry.labelStyle == .smart {
      writer.write(",\"labelStyle\":\"smart\",\"fullMinimumKeptCharacters\":")
      writer.writeJSONInteger(LabelFitter.minimumKeptCharacters)
    }
    writer.write("}")
  }

  /// The shorter forms of the names that have any, in ascending order of
  /// name, flat: `[name, "rungs", name, "rungs", ...]`. The rungs, longest
  /// first, are separated by spaces; a rung is the one before it (the name,
  /// for the first) less ranges of UTF-16 offsets into the name, written as
  /// start and end characters, each offset `o` as the code unit
  /// `o + 0x5d` (past `\\`, so that no offset needs escaping; names of
  /// ladders are at most ``LabelAbbreviator/maximumLength`` long). A range
  /// may span offsets already dropped, which keeps ranges few.
  private func writeLadders(_ catalog: FrameCatalog, to writer: ByteWriter) {
    writer.write(",\n\"ladders\":")
    let names = catalog.labelLadders.keys.sorted()
    writer.writeJSONArray(names) { name in
      writer.writeJSONInteger(Int(name))
      writer.write(byte: UInt8(ascii: ","))
      var before = [0..<catalog.names[Int(name)].utf16.count]
      var encoded: [UInt16] = []
      for rung in catalog.labelLadders[name]!.rungs {
        if !encoded.isEmpty { encoded.append(UInt16(UInt8(ascii: " "))) }
        for offset in Self.removedRanges(from: before, to: rung.pieces) {
          encoded.append(UInt16(offset + Self.ladderOffsetBase))
        }
        before = rung.pieces
      }
      writer.writeJSONString(String(decoding: encoded, as: UTF16.self), for: .markup)
    }
  }

  /// The code unit that stands for offset 0 in a ladder's string.
  static let ladderOffsetBase = 0x5d

  /// The fewest ranges that, removed from `before`, leave `after` (both
  /// sorted pieces, `after` within `before`), as a flat `[start, end, ...]`:
  /// each range covers a run of dropped offsets and any gaps of `before`
  /// between them.
  static func removedRanges(from before: [Range<Int>], to after: [Range<Int>]) -> [Int] {
    let count = before.last?.upperBound ?? 0
    // Per offset: 0 dropped already, 1 dropped by this rung, 2 kept.
    var state = [UInt8](repeating: 0, count: count)
    for piece in before { for offset in piece { state[offset] = 1 } }
    for piece in after { for offset in piece { state[offset] = 2 } }
    var removed: [Int] = []
    var start = -1
    for offset in 0..<count {
      if state[offset] == 1, start < 0 { start = offset }
      if state[offset] == 2, start >= 0 {
        removed += [start, offset]
        start = -1
      }
    }
    if start >= 0 { removed += [start, count] }
    return removed
  }
}
