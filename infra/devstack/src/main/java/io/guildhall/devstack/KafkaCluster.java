package io.guildhall.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A KRaft Kafka cluster of several nodes on loopback, each broker and controller in one JVM of its own, for drills:
 * every internal topic and every topic created without its own setting keeps {@code replicationFactor} copies and
 * needs {@code minInsyncReplicas} of them for a write (3 and 2: one node may be lost). Nodes are killed and brought
 * back by index; the data directories live under {@code dir} and go with {@link #close()}.
 */
public final class KafkaCluster implements AutoCloseable {

    private final List<KafkaBroker> nodes;
    private final Path dir;

    private KafkaCluster(Path dir, List<KafkaBroker> nodes) {
        this.dir = dir;
        this.nodes = List.copyOf(nodes);
    }

    /** Starts {@code size} nodes on free ports and waits until each serves metadata. */
    public static KafkaCluster start(Path dir, int size, int replicationFactor, int minInsyncReplicas) {
        List<Integer> ports = new ArrayList<>();
        List<Integer> controllerPorts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports.add(Ports.free());
            controllerPorts.add(Ports.free());
        }
        String voters = java.util.stream.IntStream.range(0, size)
                .mapToObj(i -> (i + 1) + "@" + Ports.HOST + ":" + controllerPorts.get(i)).collect(Collectors.joining(","));
        String clusterId = KafkaBroker.newClusterId();
        List<KafkaBroker> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Path nodeDir = dir.resolve("node-" + (i + 1));
            nodes.add(new KafkaBroker(nodeDir, ports.get(i), controllerPorts.get(i), nodeDir.resolve("kafka.log"), true,
                    new KafkaBroker.Node(i + 1, voters, clusterId, replicationFactor, minInsyncReplicas)));
        }
        KafkaCluster cluster = new KafkaCluster(dir, nodes);
        try {
            // All at once: a node serves metadata only once a quorum of controllers is up.
            nodes.forEach(KafkaBroker::launch);
            nodes.forEach(KafkaBroker::awaitReady);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return nodes.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    public int size() {
        return nodes.size();
    }

    public KafkaBroker node(int index) {
        return nodes.get(index);
    }

    /** SIGKILL of one node: a crash, no controlled shutdown. */
    public void kill(int index) {
        nodes.get(index).kill();
    }

    /** Brings a stopped or killed node back on its ports and data. */
    public void restart(int index) {
        nodes.get(index).start();
    }

    @Override
    public void close() {
        nodes.forEach(KafkaBroker::close);
        KafkaBroker.deleteRecursively(dir);
    }
}
