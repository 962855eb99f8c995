package cn.zugong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ZugongApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZugongApplication.class, args);
    }
}
