package io.wearflow.http.activities.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

  @Test
  void partsKeepTheirNamesFileNamesAndExactBytes() {
    String body =
        "preamble\r\n--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"files\"; filename=\"a;b \\\"c\\\".csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + "timestamp\r\n--not-the-boundary\r\n"
            + "\r\n--XyZ\r\n"
            // Browsers send a non-ASCII file name as UTF-8 in filename (RFC 7578 4.2).
            + "Content-Disposition: form-data; name=\"files\"; filename=\"naïve.fit\"\r\n\r\n"
            + "\r\n--XyZ\r\n"
            + "content-disposition: form-data; name=sport\r\n\r\n"
            + "cycling\r\n--XyZ--\r\nepilogue";

    List<MultipartForm.Part> parts =
        MultipartForm.parse(
            body.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=XyZ");

    assertThat(parts).hasSize(3);
    assertThat(parts.get(0).name()).isEqualTo("files");
    assertThat(parts.get(0).fileName()).isEqualTo("a;b \"c\".csv");
    assertThat(parts.get(0).text()).isEqualTo("timestamp\r\n--not-the-boundary\r\n");
    assertThat(parts.get(1).fileName()).isEqualTo("naïve.fit");
    assertThat(parts.get(1).content()).isEmpty();
    assertThat(parts.get(2).fileName()).isNull();
    assertThat(parts.get(2).text()).isEqualTo("cycling");
  }

  @Test
  void theBoundaryComesOnlyFromAMultipartFormDataContentType() {
    assertThat(MultipartForm.boundary("multipart/form-data; boundary=\"a b\"")).contains("a b");
    assertThat(MultipartForm.boundary("Multipart/Form-Data;charset=utf-8;BOUNDARY=q"))
        .contains("q");
    assertThat(MultipartForm.boundary("application/json")).isEmpty();
    assertThat(MultipartForm.boundary("multipart/form-data")).isEmpty();
    assertThat(MultipartForm.boundary(null)).isEmpty();
  }

  @Test
  void malformedBodiesAreRefused() {
    String type = "multipart/form-data; boundary=b";
    assertThatThrownBy(() -> MultipartForm.parse("no parts".getBytes(), type))
        .isInstanceOf(MultipartForm.MalformedException.class);
    assertThatThrownBy(
            () ->
                MultipartForm.parse(
                    "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nunterminated"
                        .getBytes(),
                    type))
        .isInstanceOf(MultipartForm.MalformedException.class);
  }
}
