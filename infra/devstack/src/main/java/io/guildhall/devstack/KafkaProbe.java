package io.guildhall.devstack;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Asks a broker, in the Kafka wire protocol, whether it serves metadata with at least one live
 * broker: an open port alone does not mean the KRaft broker has registered and been unfenced.
 * Written by hand so that the dev stack does not need kafka-clients on its classpath.
 */
public final class KafkaProbe {

    private static final short API_VERSIONS = 18;
    private static final short METADATA = 3;
    // Kafka 4 dropped Metadata v0-v3 (KIP-896); v4-v7 share the request layout sent below.
    private static final short LOWEST_SPOKEN = 4;
    private static final short HIGHEST_SPOKEN = 7;

    private KafkaProbe() {
    }

    public static boolean servesMetadata(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Ports.HOST, port), 1000);
            socket.setSoTimeout(3000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            short version = metadataVersion(out, in);
            if (version < 0) {
                return false;
            }
            // Metadata request: all topics (null array), no auto-creation.
            send(out, METADATA, version, 2, ByteBuffer.allocate(5).putInt(-1).put((byte) 0).array());
            ByteBuffer response = receive(in);
            response.getInt(); // correlation id
            response.getInt(); // throttle time
            return response.getInt() > 0; // brokers
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static short metadataVersion(DataOutputStream out, DataInputStream in) throws IOException {
        send(out, API_VERSIONS, (short) 0, 1, new byte[0]);
        ByteBuffer response = receive(in);
        response.getInt(); // correlation id
        if (response.getShort() != 0) {
            return -1;
        }
        int count = response.getInt();
        for (int i = 0; i < count; i++) {
            short key = response.getShort();
            short min = response.getShort();
            short max = response.getShort();
            if (key == METADATA) {
                short version = (short) Math.min(max, HIGHEST_SPOKEN);
                return version >= Math.max(min, LOWEST_SPOKEN) ? version : -1;
            }
        }
        return -1;
    }

    private static void send(DataOutputStream out, short apiKey, short version, int correlationId, byte[] body)
            throws IOException {
        byte[] clientId = "guildhall-devstack".getBytes(StandardCharsets.UTF_8);
        int size = 2 + 2 + 4 + 2 + clientId.length + body.length;
        out.writeInt(size);
        out.writeShort(apiKey);
        out.writeShort(version);
        out.writeInt(correlationId);
        out.writeShort(clientId.length);
        out.write(clientId);
        out.write(body);
        out.flush();
    }

    private static ByteBuffer receive(DataInputStream in) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > 1_000_000) {
            throw new IOException("Unexpected Kafka response size " + size);
        }
        byte[] bytes = new byte[size];
        in.readFully(bytes);
        return ByteBuffer.wrap(bytes);
    }
}
