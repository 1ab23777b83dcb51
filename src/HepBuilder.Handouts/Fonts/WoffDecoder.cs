using System.Buffers.Binary;
using System.IO.Compression;

namespace HepBuilder.Handouts.Fonts;

/// <summary>
/// Unpacks a WOFF 1.0 file into the plain TrueType/OpenType font inside it. Skia embeds a WOFF face as
/// Type 3 outlines (one PDF object per glyph, ~70 KB for a handout) but a TrueType face as one font
/// file; for a small latin subset (~24 KB) the TrueType route gives much smaller PDFs.
/// </summary>
internal static class WoffDecoder
{
    private const uint WoffSignature = 0x774F4646;

    public static byte[] ToSfnt(byte[] woff)
    {
        var w = woff.AsSpan();
        if (w.Length < 44 || BinaryPrimitives.ReadUInt32BigEndian(w) != WoffSignature)
        {
            throw new InvalidDataException("Not a WOFF 1.0 font.");
        }

        var flavor = BinaryPrimitives.ReadUInt32BigEndian(w[4..]);
        int count = BinaryPrimitives.ReadUInt16BigEndian(w[12..]);
        var tables = new (uint Tag, uint Checksum, byte[] Data)[count];
        for (var i = 0; i < count; i++)
        {
            var entry = w.Slice(44 + i * 20, 20);
            var tag = BinaryPrimitives.ReadUInt32BigEndian(entry);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            var compressed = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            var original = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]);
            var checksum = BinaryPrimitives.ReadUInt32BigEndian(entry[16..]);
            var data = new byte[original];
            if (compressed < original)
            {
                using var zlib = new ZLibStream(new MemoryStream(woff, offset, compressed), CompressionMode.Decompress);
                zlib.ReadExactly(data);
            }
            else
            {
                w.Slice(offset, original).CopyTo(data);
            }

            tables[i] = (tag, checksum, data);
        }

        var entrySelector = 0;
        while (1 << (entrySelector + 1) <= count)
        {
            entrySelector++;
        }

        var searchRange = (1 << entrySelector) * 16;
        var size = 12 + 16 * count + tables.Sum(t => (t.Data.Length + 3) & ~3);
        var sfnt = new byte[size];
        var s = sfnt.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(s, flavor);
        BinaryPrimitives.WriteUInt16BigEndian(s[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(s[6..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(s[8..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(s[10..], (ushort)(count * 16 - searchRange));
        var at = 12 + 16 * count;
        for (var i = 0; i < count; i++)
        {
            var record = s.Slice(12 + i * 16, 16);
            BinaryPrimitives.WriteUInt32BigEndian(record, tables[i].Tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], tables[i].Checksum);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)tables[i].Data.Length);
            tables[i].Data.CopyTo(s[at..]);
            at += (tables[i].Data.Length + 3) & ~3;
        }

        return sfnt;
    }
}
