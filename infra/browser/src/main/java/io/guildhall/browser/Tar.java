package io.guildhall.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Unpacks a tar stream (ustar, with pax and GNU long names) into a folder: regular files keep their execute bit,
 * directories and symbolic links are made, and nothing is written outside the folder. The registry package the
 * browser comes in, and the archives inside it, need no more than this.
 */
final class Tar {

    private static final int BLOCK = 512;

    private Tar() {
    }

    static void extract(InputStream in, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        Files.createDirectories(root);
        byte[] header = new byte[BLOCK];
        String longName = null;
        String longLink = null;
        while (readFully(in, header)) {
            if (isZero(header)) {
                return;
            }
            String name = string(header, 0, 100);
            String prefix = string(header, 345, 155);
            if (!prefix.isEmpty() && "ustar".equals(string(header, 257, 5))) {
                name = prefix + "/" + name;
            }
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            String link = string(header, 157, 100);
            switch (type) {
                case 'x' -> {
                    Map<String, String> pax = pax(new String(read(in, size), StandardCharsets.UTF_8));
                    longName = pax.getOrDefault("path", longName);
                    longLink = pax.getOrDefault("linkpath", longLink);
                    continue;
                }
                case 'g' -> {
                    skip(in, size);
                    continue;
                }
                case 'L' -> {
                    longName = trimNul(new String(read(in, size), StandardCharsets.UTF_8));
                    continue;
                }
                case 'K' -> {
                    longLink = trimNul(new String(read(in, size), StandardCharsets.UTF_8));
                    continue;
                }
                default -> {
                }
            }
            if (longName != null) {
                name = longName;
                longName = null;
            }
            if (longLink != null) {
                link = longLink;
                longLink = null;
            }
            Path target = root.resolve(name).normalize();
            if (!target.startsWith(root)) {
                throw new IOException("The archive names a path outside its folder: " + name);
            }
            switch (type) {
                case '5' -> {
                    Files.createDirectories(target);
                    skip(in, size);
                }
                case '2' -> {
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(link));
                    skip(in, size);
                }
                case '0', '\0', '7' -> {
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        copy(in, out, size);
                    }
                    skip(in, padding(size));
                    if ((octal(header, 100, 8) & 0100) != 0) {
                        executable(target);
                    }
                }
                default -> skip(in, size + padding(size)); // hard links, devices, fifos: not in these archives
            }
        }
    }

    static void executable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException e) {
            file.toFile().setExecutable(true);
        }
    }

    private static Map<String, String> pax(String records) {
        Map<String, String> values = new HashMap<>();
        int at = 0;
        while (at < records.length()) {
            int space = records.indexOf(' ', at);
            if (space < 0) {
                break;
            }
            int length = Integer.parseInt(records.substring(at, space));
            String record = records.substring(space + 1, at + length - 1);
            int equals = record.indexOf('=');
            values.put(record.substring(0, equals), record.substring(equals + 1));
            at += length;
        }
        return values;
    }

    private static byte[] read(InputStream in, long size) throws IOException {
        byte[] data = in.readNBytes((int) size);
        if (data.length != size) {
            throw new IOException("The archive ends inside an entry");
        }
        skip(in, padding(size));
        return data;
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("The archive ends inside an entry");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void skip(InputStream in, long size) throws IOException {
        in.skipNBytes(size);
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean readFully(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, block.length);
        if (n == 0) {
            return false;
        }
        if (n != block.length) {
            throw new IOException("The archive ends inside a header");
        }
        return true;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static long octal(byte[] header, int offset, int length) {
        String digits = string(header, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }

    private static String string(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String trimNul(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }
}
