package io.imageflow.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.imageflow.api.ErrorBody.Detail;
import io.imageflow.image.Clip;

/**
 * Pairs each uploaded file with its operations: the {@code images} entry that names it, else the unnamed
 * entry at its position, else the operations for all. An entry that matches no file is a mistake.
 */
class OperationsMatcher {

    record Match(List<Map<String, Object>> operations, String field) {
    }

    private final BatchOrder order;
    private final List<UploadedFile> files;
    private final Map<String, BatchOrder.ImageOrder> byName = new HashMap<>();
    private final DetailList problems = new DetailList();

    OperationsMatcher(BatchOrder order, List<UploadedFile> files) {
        this.order = order;
        this.files = files;
        List<String> clientNames = files.stream().map(UploadedFile::clientName).toList();
        for (BatchOrder.ImageOrder image : order.images()) {
            if (image.name() == null) {
                continue;
            }
            if (!clientNames.contains(image.name())) {
                problems.add(Detail.ofField(image.field(), "names '" + Clip.quoted(image.name())
                        + "' but no file part has that file name; uploaded: " + someOf(clientNames)));
            } else if (byName.putIfAbsent(image.name(), image) != null) {
                problems.add(Detail.ofField(image.field(), "'" + Clip.quoted(image.name()) + "' is described twice"));
            }
        }
        for (int i = 0; i < order.images().size(); i++) {
            BatchOrder.ImageOrder image = order.images().get(i);
            if (image.name() == null && (i >= files.size() || byName.containsKey(clientNames.get(i)))) {
                problems.add(Detail.ofField(image.field(), "has no name and matches no file: there is no file "
                        + (i + 1) + " without a named entry; give the file's name"));
            }
        }
    }

    List<Detail> problems() {
        return problems.list();
    }

    /** A few of the uploaded names, each clipped: a hint, not an inventory (each problem stays short). */
    private static String someOf(List<String> names) {
        List<String> shown = names.stream().limit(3).map(Clip::quoted).toList();
        return "[" + String.join(", ", shown) + (names.size() > 3 ? ", … " + (names.size() - 3) + " more" : "") + "]";
    }

    Match forFile(int index) {
        BatchOrder.ImageOrder image = byName.get(files.get(index).clientName());
        if (image == null && index < order.images().size() && order.images().get(index).name() == null) {
            image = order.images().get(index);
        }
        if (image == null || image.operations() == null) {
            return new Match(order.operationsForAll(), "operations");
        }
        return new Match(image.operations(), image.field() + ".operations");
    }
}
