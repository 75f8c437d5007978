package io.imageflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import io.imageflow.client.ApiClient;
import io.imageflow.client.api.BatchesApi;
import io.imageflow.client.api.CatalogueApi;
import io.imageflow.client.model.AcceptedImage;
import io.imageflow.client.model.Batch;
import io.imageflow.client.model.BatchAccepted;
import io.imageflow.client.model.BatchMetadata;
import io.imageflow.client.model.BatchStatus;
import io.imageflow.client.model.Image;
import io.imageflow.client.model.ImageFormat;
import io.imageflow.client.model.ImageOrder;
import io.imageflow.client.model.ImageStatus;
import io.imageflow.client.model.Operation;
import io.imageflow.client.model.OperationSpec;
import io.imageflow.support.TestPhotos;
import io.imageflow.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The product as a client generated from routes/api/openapi.yaml sees it (target/generated-test-sources/openapi,
 * written by the build): if the contract and the server drift apart, this client stops compiling or working.
 * Its multipart upload sends the metadata part as application/json, as the contract's encoding says.
 */
class ContractClientEndToEndTest extends LocalModeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String FLOWERS = TestPhotos.LANDSCAPE_BASELINE;
    private static final String BUTTERFLY = TestPhotos.PORTRAIT;

    private ApiClient client() {
        return new ApiClient().setBasePath(api().baseUrl() + "/api/v1");
    }

    @Test
    void uploadsABatchWithPerImageOperationsFollowsItAndDownloadsTheResults() throws IOException {
        BatchesApi batches = new BatchesApi(client());
        BatchMetadata metadata = new BatchMetadata().email("ada@example.com").images(List.of(
                new ImageOrder().name(FLOWERS).operations(List.of(
                        operation("resize", Map.of("width", 400)), operation("format", Map.of("format", "png")))),
                new ImageOrder().name(BUTTERFLY).operations(List.of(
                        operation("rotate", Map.of("degrees", 90)), operation("grayscale", Map.of())))));

        BatchAccepted accepted = batches.createBatch(List.of(
                new FileSystemResource(TestPhotos.path(FLOWERS)),
                new FileSystemResource(TestPhotos.path(BUTTERFLY))), metadata);

        assertThat(accepted.getStatus()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(accepted.getImages()).extracting(AcceptedImage::getName)
                .containsExactly(FLOWERS, BUTTERFLY);
        UUID batchId = accepted.getBatchId();
        Batch batch = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> batches.getBatch(batchId), ContractClientEndToEndTest::finished);
        assertThat(batch.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Image> images = batch.getImages().stream().collect(Collectors.toMap(Image::getName, Function.identity()));

        Image flowers = images.get(FLOWERS);
        assertThat(flowers.getStatus()).isEqualTo(ImageStatus.DONE);
        assertThat(flowers.getResult().getFormat()).isEqualTo(ImageFormat.PNG);
        BufferedImage flowersResult = decode(batches.getResultImage(batchId, flowers.getImageId()));
        int expectedHeight = Math.round(400f * flowers.getOriginal().getHeight() / flowers.getOriginal().getWidth());
        assertThat(flowersResult.getWidth()).isEqualTo(400).isEqualTo(flowers.getResult().getWidth());
        assertThat(flowersResult.getHeight()).isBetween(expectedHeight - 1, expectedHeight + 1)
                .isEqualTo(flowers.getResult().getHeight());

        Image butterfly = images.get(BUTTERFLY);
        BufferedImage butterflyResult = decode(batches.getResultImage(batchId, butterfly.getImageId()));
        assertThat(butterflyResult.getWidth()).isEqualTo(butterfly.getOriginal().getHeight());
        assertThat(butterflyResult.getHeight()).isEqualTo(butterfly.getOriginal().getWidth());
    }

    @Test
    void theCatalogueReadsAsTheContractSays() {
        List<OperationSpec> operations = new CatalogueApi(client()).listOperations().getOperations();

        assertThat(operations).extracting(OperationSpec::getType).contains("resize", "rotate", "grayscale", "format");
    }

    @Test
    void theCatalogueAnswers406WhereTheContractSaysSo() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api().baseUrl() + "/api/v1/operations"))
                .header("Accept", "application/xml").GET().build();
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());

        assertThat(answer.statusCode()).isEqualTo(406);
    }

    private static Operation operation(String type, Map<String, Object> parameters) {
        Operation operation = new Operation().type(type);
        parameters.forEach(operation::putAdditionalProperty);
        return operation;
    }

    private static boolean finished(Batch batch) {
        return batch.getStatus() == BatchStatus.COMPLETED || batch.getStatus() == BatchStatus.COMPLETED_WITH_ERRORS;
    }

    private static BufferedImage decode(Resource download) throws IOException {
        try (InputStream in = download.getInputStream()) {
            BufferedImage image = ImageIO.read(in);
            assertThat(image).as("the download decodes as an image").isNotNull();
            return image;
        }
    }
}
