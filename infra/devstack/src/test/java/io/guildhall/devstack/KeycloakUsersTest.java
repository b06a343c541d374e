package io.guildhall.devstack;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeycloakUsersTest {

    @Test
    void a_user_carries_attributes_roles_and_a_password_hash_that_verifies() throws Exception {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("department", "R\"&D");
        attributes.put("weeklyHours", "32");
        String json = KeycloakUsers.userJson(new KeycloakUsers.User("zoe.xu", "Zoe", "Xu", "zoe.xu@guildhall.example",
                attributes, List.of("default-roles-guildhall", "employee")), "demo");

        assertTrue(json.startsWith("{\"username\":\"zoe.xu\",\"enabled\":true,\"emailVerified\":true,"), json);
        assertTrue(json.contains("\"attributes\":{\"department\":[\"R\\\"&D\"],\"weeklyHours\":[\"32\"]}"), json);
        assertTrue(json.contains("\"realmRoles\":[\"default-roles-guildhall\",\"employee\"]"), json);
        assertTrue(json.contains("\"credentialData\":\"{\\\"hashIterations\\\":1000,\\\"algorithm\\\":\\\"pbkdf2-sha256\\\""), json);
        Matcher secret = Pattern.compile("\\\\\"value\\\\\":\\\\\"([^\\\\]+)\\\\\",\\\\\"salt\\\\\":\\\\\"([^\\\\]+)\\\\\"")
                .matcher(json);
        assertTrue(secret.find(), json);
        byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(
                "demo".toCharArray(), Base64.getDecoder().decode(secret.group(2)), 1000, 512)).getEncoded();
        assertArrayEquals(expected, Base64.getDecoder().decode(secret.group(1)), "the stored hash is demo's");
    }
}
