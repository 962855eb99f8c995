package cn.zugong.indicator.internal.pack;

import cn.zugong.indicator.PackId;
import cn.zugong.shared.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every pack under classpath:packs/, loaded and validated when the application starts: a broken pack
 * stops the start with its errors rather than failing later in an evaluation.
 */
@Component
public class PackRegistry {

    private final Map<PackId, LoadedPack> packs = new LinkedHashMap<>();

    PackRegistry() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:packs/*.yaml");
        for (Resource file : files) {
            String name = file.getFilename();
            LoadedPack pack = PackLoader.load(file.getContentAsString(StandardCharsets.UTF_8), name);
            if (!(pack.pack().id() + ".yaml").equals(name)) {
                throw new IllegalStateException("pack file " + name + " declares " + pack.pack().id()
                        + "; the file name must be <code>-v<version>.yaml");
            }
            packs.put(pack.pack().id(), pack);
        }
    }

    public Collection<LoadedPack> all() {
        return packs.values();
    }

    public LoadedPack get(PackId id) {
        LoadedPack pack = packs.get(id);
        if (pack == null) {
            throw new NotFoundException("指标包不存在：" + id);
        }
        return pack;
    }

    public LoadedPack latest(String code) {
        return packs.values().stream().filter(p -> p.pack().id().code().equals(code))
                .max(Comparator.comparingInt(p -> p.pack().id().version()))
                .orElseThrow(() -> new NotFoundException("指标包不存在：" + code));
    }

}
