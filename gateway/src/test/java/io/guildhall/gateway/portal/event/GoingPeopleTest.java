package io.guildhall.gateway.portal.event;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GoingPeopleTest {

    @Test
    void initials_are_the_first_letters_of_the_first_and_last_word() {
        assertThat(GoingPeople.initials("Ada Lovelace")).isEqualTo("AL");
        assertThat(GoingPeople.initials("Grace Brewster Murray Hopper")).isEqualTo("GH");
        assertThat(GoingPeople.initials("plato")).isEqualTo("P");
        assertThat(GoingPeople.initials("Émilie du Châtelet")).isEqualTo("ÉC");
        assertThat(GoingPeople.initials("  ")).isEqualTo("?");
    }

    @Test
    void the_summary_names_up_to_three_and_counts_the_rest() {
        assertThat(going(1, "Ada Lovelace").summary()).isEqualTo("Ada Lovelace is going");
        assertThat(going(2, "Ada Lovelace", "Alan Turing").summary()).isEqualTo("Ada Lovelace and Alan Turing are going");
        assertThat(going(3, "A B", "C D", "E F").summary()).isEqualTo("A B, C D and E F are going");
        assertThat(going(4, "A B", "C D", "E F", "G H").summary()).isEqualTo("A B, C D, E F and 1 other are going");
        assertThat(going(12, "A B", "C D", "E F", "G H").summary()).isEqualTo("A B, C D, E F and 9 others are going");
        assertThat(new GoingPeople(12, List.of(), false).summary()).isEqualTo("12 people are going");
    }

    @Test
    void a_name_keeps_its_colour_on_every_page() {
        GoingPeople.Face ada = GoingPeople.Face.of("Ada Lovelace");
        assertThat(GoingPeople.Face.of("Ada Lovelace").colour()).isEqualTo(ada.colour()).isBetween(0, GoingPeople.PALETTE - 1);
        assertThat(going(12, "A B", "C D").others()).isEqualTo(10);
    }

    private static GoingPeople going(long count, String... names) {
        return new GoingPeople(count, java.util.Arrays.stream(names).map(GoingPeople.Face::of).toList(), true);
    }
}
