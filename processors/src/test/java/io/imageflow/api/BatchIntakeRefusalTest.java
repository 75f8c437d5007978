package io.imageflow.api;

import static io.imageflow.api.BatchIntakeTest.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.api.ErrorBody.Detail;
import io.imageflow.config.ImageFlowProperties.Limits;
import io.imageflow.image.OperationParser;
import io.imageflow.backends.local.FileSystemBlobStore;
import io.imageflow.support.TestImages;
import io.imageflow.support.H2Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Every refusal answers the right status, code and details, and keeps nothing: no record, no blob. */
class BatchIntakeRefusalTest {

    private static final Limits LIMITS = new Limits(3, DataSize.ofMegabytes(25), 50_000_000L, 120);
    private static final String EMAIL_ONLY = "{\"email\": \"ada@example.com\"}";
    private static final UploadedFile A = file("a.png", TestImages.png(4, 4));
    private static final UploadedFile B = file("b.png", TestImages.png(4, 4));

    @TempDir
    Path blobDir;
    private final H2Store h2 = new H2Store();
    private BatchIntake intake;

    @BeforeEach
    void createIntake() throws IOException {
        intake = new BatchIntake(new FileSystemBlobStore(blobDir), h2.store, new BatchOrderReader(new ObjectMapper()),
                new OperationParser(), LIMITS, Duration.ofDays(7));
    }

    /** The refusal of this upload, once it is checked that nothing was kept. */
    private ApiException refusal(String metadata, UploadedFile... files) throws IOException {
        ApiException refusal = catchThrowableOfType(ApiException.class,
                () -> intake.accept(new Upload(metadata, List.of(files))));
        assertThat(refusal).as("refused").isNotNull();
        assertThat(h2.rows("batches")).isZero();
        assertThat(h2.rows("images")).isZero();
        try (Stream<Path> left = Files.list(blobDir)) {
            assertThat(left).isEmpty();
        }
        return refusal;
    }

    @Test
    void anUploadWithoutFilesIsRefused() throws IOException {
        ApiException e = refusal(EMAIL_ONLY);

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getBody().error()).isEqualTo("no_files");
    }

    @Test
    void moreFilesThanTheLimitAreRefusedSayingHowMany() throws IOException {
        ApiException e = refusal(EMAIL_ONLY, A, B, file("c.png", TestImages.png(2, 2)), file("d.png", TestImages.png(2, 2)));

        assertThat(e.getStatus()).isEqualTo(413);
        assertThat(e.getBody().error()).isEqualTo("too_many_files");
        assertThat(e.getMessage()).contains("at most 3", "has 4");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedNamingIt() throws IOException {
        byte[] big = Arrays.copyOf(TestImages.png(4, 4), (int) DataSize.ofMegabytes(25).toBytes() + 1);

        ApiException e = refusal(EMAIL_ONLY, A, file("big.png", big));

        assertThat(e.getStatus()).isEqualTo(413);
        assertThat(e.getBody().error()).isEqualTo("file_too_large");
        assertThat(e.getBody().details()).extracting(Detail::file).containsExactly("big.png");
        assertThat(e.getBody().details().get(0).message()).contains("26214401 bytes", "26214400 bytes");
    }

    @Test
    void aDecompressionBombIsRefusedOnItsHeaderAlone() throws IOException {
        ApiException e = refusal(EMAIL_ONLY, file("bomb.png", TestImages.pngBomb(100_000, 100_000)));

        assertThat(e.getStatus()).isEqualTo(413);
        assertThat(e.getBody().error()).isEqualTo("file_too_large");
        assertThat(e.getBody().details()).singleElement().satisfies(detail -> {
            assertThat(detail.file()).isEqualTo("bomb.png");
            assertThat(detail.message()).contains("10000000000 pixels", "limit is 50000000");
        });
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedAsUnsupported() throws IOException {
        ApiException e = refusal(EMAIL_ONLY, A, file("notes.txt", "just text".getBytes(StandardCharsets.UTF_8)));

        assertThat(e.getStatus()).isEqualTo(415);
        assertThat(e.getBody().error()).isEqualTo("unsupported_format");
        assertThat(e.getBody().details()).extracting(Detail::file).containsExactly("notes.txt");
    }

    @Test
    void aTooLargeFileAndAnUnsupportedOneAreReportedTogetherAs413() throws IOException {
        ApiException e = refusal(EMAIL_ONLY, file("bomb.png", TestImages.pngBomb(100_000, 100_000)),
                file("notes.txt", "just text".getBytes(StandardCharsets.UTF_8)));

        assertThat(e.getStatus()).isEqualTo(413);
        assertThat(e.getBody().details()).extracting(Detail::file).containsExactly("bomb.png", "notes.txt");
    }

    @Test
    void aMissingOrMalformedEmailIsRefused() throws IOException {
        for (String metadata : List.of("{}", "{\"email\": \"  \"}", "{\"email\": \"ada at example.com\"}",
                "{\"email\": \"Ada <ada@example.com>\"}")) {
            ApiException e = refusal(metadata, A);

            assertThat(e.getStatus()).as(metadata).isEqualTo(400);
            assertThat(e.getBody().error()).as(metadata).isEqualTo("invalid_email");
            assertThat(e.getBody().details()).extracting(Detail::field).containsExactly("email");
        }
    }

    @Test
    void unknownAndOutOfRangeOperationsAreAllReportedNamingTheFileAndField() throws IOException {
        ApiException e = refusal("""
                {"email": "ada@example.com", "operations": [{"type": "sepia"}],
                 "images": [{"name": "b.png", "operations": [{"type": "rotate", "degrees": 999}]}]}""", A, B);

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getBody().error()).isEqualTo("invalid_operations");
        assertThat(e.getBody().details()).extracting(Detail::file, Detail::field).containsExactly(
                tuple("a.png", "operations"),
                tuple("b.png", "images[0].operations"));
        assertThat(e.getBody().details().get(0).message()).contains("unknown type \"sepia\"");
        assertThat(e.getBody().details().get(1).message()).contains("degrees must be a number between -360 and 360");
    }

    @Test
    void badSeedFiltersAreRefusedAsInvalidOperations() throws IOException {
        ApiException e = refusal("""
                {"email": "ada@example.com",
                 "imagesMetadata": [{"image_name": "a.png", "filters": [{"filter_type": "sepia"}]}]}""", A);

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getBody().error()).isEqualTo("invalid_operations");
        assertThat(e.getBody().details()).singleElement().extracting(Detail::message).asString()
                .startsWith("imagesMetadata[0].filters[0]: unknown filter_type");
    }

    @Test
    void anImagesEntryNamingNoUploadedFileIsRefused() throws IOException {
        ApiException e = refusal("""
                {"email": "ada@example.com", "images": [{"name": "c.png", "operations": [{"type": "blur"}]}]}""", A, B);

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getBody().error()).isEqualTo("invalid_operations");
        assertThat(e.getBody().details()).singleElement().satisfies(detail -> {
            assertThat(detail.field()).isEqualTo("images[0]");
            assertThat(detail.message()).contains("'c.png'", "[a.png, b.png]");
        });
    }

    @Test
    void aFileDescribedTwiceIsRefused() throws IOException {
        ApiException e = refusal("""
                {"email": "ada@example.com", "images": [{"name": "a.png"}, {"name": "a.png"}]}""", A);

        assertThat(e.getBody().error()).isEqualTo("invalid_operations");
        assertThat(e.getBody().details()).extracting(Detail::field).containsExactly("images[1]");
    }

    @Test
    void missingMetadataIsRefusedBeforeAnyFileIsLookedAt() throws IOException {
        ApiException e = refusal(null, file("notes.txt", new byte[] {1, 2, 3}));

        assertThat(e.getBody().error()).isEqualTo("missing_metadata");
    }
}
