package io.imageflow.image.opencv;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * New full-size images in 2 MB pages. Each large {@code Mat} is a fresh {@code mmap} (glibc maps blocks over
 * 32 MB itself, and unmaps them when freed), so every transform touches its buffers for the first time; in
 * 4 kB pages that costs a page fault per 4 kB: on this machine decoding the 20 MP photo into a fresh buffer
 * took 245 ms, into a reused one 70 ms, into a fresh one advised with {@code MADV_HUGEPAGE} 80 ms
 * (docs/performance.md). That fixed cost was in every operation. Where transparent huge pages are off, or
 * not on Linux, the advice does nothing and the image is allocated as before.
 */
final class HugePages {

    private static final int MADV_HUGEPAGE = 14;
    private static final long HUGE_PAGE = 2L << 20;
    /** Below a few huge pages the advice saves too little to be worth a call. */
    private static final long WORTH_ADVISING = 4 * HUGE_PAGE;
    private static final LibC LIBC = load();

    /** The C library's {@code madvise}. */
    interface LibC extends com.sun.jna.Library {
        int madvise(Pointer address, NativeLong length, int advice);
    }

    private HugePages() {
    }

    /** A new, untouched image of that size and type, its inner 2 MB-aligned part advised into huge pages. */
    static Mat allocate(int rows, int cols, int type) {
        Mat image = new Mat(rows, cols, type);
        advise(image);
        return image;
    }

    /** Advises an image's memory before it is first written: pages already touched stay as they are. */
    static void advise(Mat image) {
        long bytes = image.step() * image.rows();
        if (LIBC == null || bytes < WORTH_ADVISING) {
            return;
        }
        long start = image.data().address();
        long alignedStart = (start + HUGE_PAGE - 1) & -HUGE_PAGE;
        long alignedEnd = (start + bytes) & -HUGE_PAGE;
        if (alignedEnd > alignedStart) {
            LIBC.madvise(new Pointer(alignedStart), new NativeLong(alignedEnd - alignedStart), MADV_HUGEPAGE);
        }
    }

    private static LibC load() {
        if (!Platform.isLinux()) {
            return null;
        }
        try {
            return Native.load("c", LibC.class);
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }
}
