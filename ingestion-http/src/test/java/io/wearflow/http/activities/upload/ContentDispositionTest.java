package io.wearflow.http.activities.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

  @Test
  void plainAsciiNamesAreQuotedAsTheyAre() {
    assertThat(ContentDisposition.attachment("Morning ride (1).fit"))
        .isEqualTo("attachment; filename=\"Morning ride (1).fit\"");
  }

  @Test
  void quotesBackslashesControlsAndNonAsciiNeverReachTheQuotedName() {
    assertThat(ContentDisposition.attachment("a\"b\\c\r\nd é.csv"))
        .isEqualTo(
            "attachment; filename=\"a_b_c__d _.csv\";"
                + " filename*=UTF-8''a%22b_c%0D%0Ad%20%C3%A9.csv");
  }
}
