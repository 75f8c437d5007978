package io.imageflow.batch;

/** The storage layout shared by every backend: {batchId}/input/{name} and {batchId}/output/{name}. */
public final class BlobKeys {

    private BlobKeys() {
    }

    public static String input(String batchId, String name) {
        return batchId + "/input/" + name;
    }

    public static String output(String batchId, String name) {
        return batchId + "/output/" + name;
    }
}
