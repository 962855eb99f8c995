package cn.zugong.demo.internal;

import cn.zugong.shared.IdNumbers;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chinese names, phone numbers and valid 18-digit ID numbers. ID numbers are unique by construction:
 * a counter per (region, birth date, gender) hands out the 3-digit sequence (odd = male, even = female).
 */
final class Identities {

    private static final String SURNAMES = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁"
            + "魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文";
    /** The most common surnames come first and are drawn more often. */
    private static final int COMMON = 12;
    private static final String MALE = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清"
            + "飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦"
            + "亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘";
    private static final String FEMALE = "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月"
            + "莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗"
            + "琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽";
    private static final LocalDate EPOCH = LocalDate.of(1930, 1, 1);
    private static final int DAYS = 90 * 366;

    private final Map<String, short[][]> counters = new HashMap<>();

    String name(SplittableRandom random, boolean male) {
        char surname = random.nextInt(3) == 0 ? SURNAMES.charAt(random.nextInt(COMMON))
                : SURNAMES.charAt(random.nextInt(SURNAMES.length()));
        String pool = male ? MALE : FEMALE;
        StringBuilder name = new StringBuilder().append(surname).append(pool.charAt(random.nextInt(pool.length())));
        if (random.nextInt(100) < 72) {
            name.append(pool.charAt(random.nextInt(pool.length())));
        }
        return name.toString();
    }

    String phone(SplittableRandom random) {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    /** A valid ID number, unique within this generator run. */
    String idNumber(String region6, LocalDate birth, boolean male) {
        short[][] perRegion = counters.computeIfAbsent(region6, r -> new short[2][DAYS]);
        int day = (int) (birth.toEpochDay() - EPOCH.toEpochDay());
        short[] counter = perRegion[male ? 0 : 1];
        int n = counter[day]++;
        if (n >= 499) {
            throw new IllegalStateException("ID sequence exhausted for " + region6 + " " + birth);
        }
        return IdNumbers.of(region6, birth, male ? 2 * n + 1 : 2 * n + 2);
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Picks by weight: {@code weights[i]} belongs to {@code values.get(i)}. */
    static <T> T weighted(SplittableRandom random, List<T> values, double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
