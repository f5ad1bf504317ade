import FlameGraph

extension SVGRenderer {
  /// Writes the data block that the viewer's script reads once, when the
  /// document loads: the layout constants, the name table, the drawn frames
  /// (tree shape, names, counts, fills, source lines) and the thin frames
  /// kept for search and the function views. The format is described in
  /// Resources/viewer-model.js.
  ///
  /// Positions are not written: the script recomputes them from the totals
  /// with the layout's own arithmetic, which is also what it does on a zoom.
  /// Nor are the shorter forms of names: the script works them out by the
  /// layout's rules for the names it fits (a zoom or a sandwich may show
  /// any name at any width).
  /// Integers are written compactly (``CompactIntegers``) and the tree as
  /// depth steps, so the block stays small on large profiles.
  func writeViewerData(
    _ scene: Scene, viewer: ViewerData, area: FramesArea, to writer: ByteWriter
  ) {
    let catalog = viewer.catalog
    let frames = scene.frames
    writer.write("<script type=\"application/json\" id=\"fg-data\">\n{\"version\":2,\"total\":")
    writer.writeJSONNumber(scene.totalSamples)
    writer.write(",\"countName\":")
    writer.writeJSONString(scene.countName, for: .markup)
    writer.write(",\"nameType\":")
    writer.writeJSONString(scene.details.nameType, for: .markup)
    writer.write(",\"searchColor\":\"")
    writer.write(hexColor: viewer.searchColor)
    writer.write("\",\"direction\":")
    writer.writeJSONString(scene.direction.rawValue, for: .markup)
    writer.write(",\"theme\":")
    writer.writeJSONString(viewer.theme.rawValue, for: .markup)
    if let color = viewer.uiColor {
      writer.write(",\"uiColor\":\"")
      writer.write(hexColor: color)
      writer.write("\"")
    }
    if viewer.isFluid { writer.write(",\"fluid\":true") }
    if viewer.negatesDifferences { writer.write(",\"negate\":true") }
    if let stroke = scene.frameStroke {
      writer.write(",\"frameStroke\":\"")
      writer.write(hexColor: stroke)
      writer.write("\"")
    }
    writer.write(",\"font\":")
    writer.writeJSONString(scene.font.family, for: .markup)
    writeLayoutConstants(scene, geometry: viewer.geometry, to: writer)
    writer.write(",\n\"rows\":{\"top\":")
    writer.writeJSONArray(area.rowTops) { writer.writeJSONNumber($0) }
    writer.write(",\"height\":")
    writer.writeJSONArray(area.rowHeights) { writer.writeJSONNumber($0) }
    writer.write("}")
    let names = SortedNames(catalog.names)
    names.write(to: writer)
    writeFrames(frames, catalog: catalog, names: names, to: writer)
    writer.write(",\n\"source\":")
    // Source lines: the tooltip's second line, and for frames that show it
    // the color it is drawn in (re-fitted on a zoom).
    let sourced = frames.indices.filter { frames[$0].sourceLine != nil }
    writer.writeJSONArray(sourced) { index in
      writer.write(byte: UInt8(ascii: "["))
      writer.writeJSONInteger(index)
      writer.write(byte: UInt8(ascii: ","))
      writer.writeJSONString(frames[index].sourceLine!, for: .markup)
      if let code = frames[index].code {
        writer.write(",\"")
        writer.write(hexColor: code.color)
        writer.write("\"")
      }
      writer.write("]")
    }
    let thin = catalog.thinFrames
    writer.write(",\n\"thin\":{\"up\":")
    writer.writeCompactIntegers(thin.indices.lazy.map { frames.count + $0 - Int(thin[$0].parent) })
    writer.write(",\n\"name\":")
    writer.writeCompactIntegers(thin.lazy.map { names.position[Int($0.name)] })
    writer.write(",\n\"total\":")
    writer.writeCounts(thin.map(\.total))
    writer.write("},\n\"unlisted\":{\"gap\":")
    let unlisted = catalog.unlistedSamples.indices.filter { catalog.unlistedSamples[$0] > 0 }
    writer.writeCompactIntegers(
      unlisted.indices.lazy.map { unlisted[$0] - ($0 > 0 ? unlisted[$0 - 1] : 0) })
    writer.write(",\"samples\":")
    writer.writeCounts(unlisted.map { catalog.unlistedSamples[$0] })
    writer.write("}}\n</script>\n")
  }

  /// The drawn frames as columns: the tree as depth steps (`up`: how many
  /// rows a frame is below the one before it plus one, so 0 for a first
  /// child), names, totals as what each frame holds beyond its drawn
  /// children (`residual`, small whole numbers; `total` as exact numbers
  /// when counts are fractional), fills, and the first counts of a
  /// differential profile (`before`).
  private func writeFrames(
    _ frames: [FrameBox], catalog: FrameCatalog, names: SortedNames, to writer: ByteWriter
  ) {
    writer.write(",\n\"frames\":{\"up\":")
    writer.writeCompactIntegers(
      frames.indices.lazy.map { $0 == 0 ? 0 : frames[$0 - 1].depth + 1 - frames[$0].depth })
    writer.write(",\n\"name\":")
    writer.writeCompactIntegers(catalog.frameNames.lazy.map { names.position[Int($0)] })
    // Children's totals added left to right from 0, as the viewer adds them.
    var childrenTotal = [Double](repeating: 0, count: frames.count)
    for index in frames.indices where frames[index].parent >= 0 {
      childrenTotal[frames[index].parent] += frames[index].total
    }
    let residuals = frames.indices.map { frames[$0].total - childrenTotal[$0] }
    let exact =
      CompactIntegers.canEncode(residuals)
      && frames.indices.allSatisfy { residuals[$0] + childrenTotal[$0] == frames[$0].total }
    if exact {
      writer.write(",\n\"residual\":")
      writer.writeCompactIntegers(residuals.lazy.map { Int($0) })
    } else {
      writer.write(",\n\"total\":")
      writer.writeJSONArray(frames.indices) { writer.writeJSONNumber(frames[$0].total) }
    }
    writeFills(frames, to: writer)
    if frames.first?.beforeTotal != nil {
      writer.write(",\n\"before\":")
      writer.writeCounts(frames.map { $0.beforeTotal ?? 0 })
    }
    writer.write("}")
  }

  /// Fills as four characters each: the color's 24 bits in base 87, most
  /// significant digit first, with ``CompactIntegers/alphabet``'s digits
  /// (two thirds of hex digits' bytes); one per frame, or, when colors
  /// repeat (names hashed, diffusion), each distinct color once and an
  /// index per frame.
  private func writeFills(_ frames: [FrameBox], to writer: ByteWriter) {
    var colors = ColorPalette()
    let indices = frames.indices.map { colors.index(of: frames[$0].fill) }
    let palette = colors.colors
    let indexed = palette.count * 2 <= frames.count
    writer.write(",\n\"fills\":\"")
    let digits = CompactIntegers.alphabet
    for color in indexed ? palette : frames.map(\.fill) {
      let value = Int(color.red) << 16 | Int(color.green) << 8 | Int(color.blue)
      for power in [87 * 87 * 87, 87 * 87, 87, 1] { writer.write(byte: digits[value / power % 87]) }
    }
    writer.write("\"")
    if indexed {
      writer.write(",\n\"fill\":")
      writer.writeCompactIntegers(indices)
    }
  }

  /// The constants of `LabelFitter` and of the layout, exactly (the script
  /// must reproduce the layout's floating-point results).
  private func writeLayoutConstants(
    _ scene: Scene, geometry: ViewerGeometry, to writer: ByteWriter
  ) {
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
}
