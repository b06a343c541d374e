package io.guildhall.contracts.topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Creates the declared topics that are missing and verifies the ones that exist. It refuses (throws) when an existing
 * topic keeps its records for less time than declared, since history would then be lost without a word, unless it
 * is allowed to raise the retention ({@code raiseRetention}: the dev stack and tests; in production the topics
 * belong to the cluster's operator, and a refusal is the signal to fix the {@code KafkaTopic}). Fewer partitions than
 * declared are reported, never changed: adding partitions would move keys and break their order.
 */
public final class TopicProvisioner {

    /** What the provisioner did. */
    public record Outcome(List<String> created, List<String> retentionRaised, List<String> fewerPartitions) {

        /** What a service logs about it at start: one line per kind of change, none when nothing changed. */
        public List<String> report() {
            List<String> lines = new ArrayList<>();
            if (!created.isEmpty()) {
                lines.add("Created Kafka topics " + created);
            }
            if (!retentionRaised.isEmpty()) {
                lines.add("Raised the retention of Kafka topics " + retentionRaised + " to what is declared");
            }
            if (!fewerPartitions.isEmpty()) {
                lines.add("Kafka topics with fewer partitions than declared (left as they are, so keys keep their order): "
                        + fewerPartitions);
            }
            return lines;
        }
    }

    private final boolean raiseRetention;
    private final Duration timeout;

    public TopicProvisioner(boolean raiseRetention, Duration timeout) {
        this.raiseRetention = raiseRetention;
        this.timeout = timeout;
    }

    /** With a short-lived admin client of its own. */
    public Outcome provision(String bootstrapServers, Collection<TopicDeclaration> declarations) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 10_000)))) {
            return provision(admin, declarations);
        }
    }

    public Outcome provision(Admin admin, Collection<TopicDeclaration> declarations) {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<String> created = new ArrayList<>();
            List<NewTopic> missing = declarations.stream().filter(d -> !existing.contains(d.name()))
                    .map(d -> new NewTopic(d.name(), d.partitions(), d.replicationFactor()).configs(d.configs())).toList();
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    // Another instance created it meanwhile: it is verified below like any existing topic.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            List<TopicDeclaration> present = declarations.stream().filter(d -> !created.contains(d.name())).toList();
            List<String> raised = new ArrayList<>();
            List<String> fewer = new ArrayList<>();
            if (!present.isEmpty()) {
                Map<String, TopicDescription> descriptions = admin.describeTopics(present.stream().map(TopicDeclaration::name).toList())
                        .allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                Map<ConfigResource, Config> configs = admin.describeConfigs(present.stream()
                                .map(d -> new ConfigResource(ConfigResource.Type.TOPIC, d.name())).toList())
                        .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                List<String> tooShort = new ArrayList<>();
                for (TopicDeclaration declaration : present) {
                    if (descriptions.get(declaration.name()).partitions().size() < declaration.partitions()) {
                        fewer.add(declaration.name() + " (" + descriptions.get(declaration.name()).partitions().size()
                                + " of " + declaration.partitions() + ")");
                    }
                    ConfigEntry retention = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, declaration.name()))
                            .get("retention.ms");
                    long actual = retention == null ? 604_800_000L : Long.parseLong(retention.value());
                    if (shorter(actual, declaration.retentionMs())) {
                        tooShort.add(declaration.name() + " keeps " + describe(actual) + ", declared "
                                + describe(declaration.retentionMs()));
                    }
                }
                if (!tooShort.isEmpty() && !raiseRetention) {
                    throw new IllegalStateException("Refusing to run: these topics would lose history: " + tooShort
                            + ". Raise their retention.ms (for ever: -1) or their KafkaTopic's, then start again.");
                }
                for (String entry : tooShort) {
                    String name = entry.substring(0, entry.indexOf(' '));
                    TopicDeclaration declaration = present.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
                    admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, name), List.of(
                                    new AlterConfigOp(new ConfigEntry("retention.ms", Long.toString(declaration.retentionMs())),
                                            AlterConfigOp.OpType.SET))))
                            .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    raised.add(name);
                }
            }
            return new Outcome(List.copyOf(created), List.copyOf(raised), List.copyOf(fewer));
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not provision the Kafka topics: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + timeout + " while provisioning topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning topics", e);
        }
    }

    /** Whether {@code actual} keeps records for less time than {@code declared} (-1 = for ever). */
    static boolean shorter(long actual, long declared) {
        if (declared < 0) {
            return actual >= 0;
        }
        return actual >= 0 && actual < declared;
    }

    private static String describe(long retentionMs) {
        return retentionMs < 0 ? "for ever" : Duration.ofMillis(retentionMs).toDays() + " days";
    }

    /** Names, for logs. */
    public static String names(Collection<TopicDeclaration> declarations) {
        return declarations.stream().map(TopicDeclaration::name).collect(Collectors.joining(", "));
    }
}
