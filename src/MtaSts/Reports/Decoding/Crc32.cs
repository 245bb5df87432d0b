namespace MtaSts.Reports.Decoding;

/// <summary>The CRC-32 that gzip trailers carry (RFC 1952 §8: polynomial 0xEDB88320, reflected).</summary>
internal struct Crc32
{
    private static readonly uint[] s_table = BuildTable();

    private uint _value;

    public Crc32()
    {
        _value = 0xFFFFFFFF;
    }

    /// <summary>The checksum of all bytes appended so far.</summary>
    public readonly uint Value => ~_value;

    public void Append(ReadOnlySpan<byte> data)
    {
        var value = _value;
        foreach (var b in data)
        {
            value = s_table[(value ^ b) & 0xFF] ^ (value >> 8);
        }

        _value = value;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
