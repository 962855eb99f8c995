package cn.zugong.talent.internal.directory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class DirectoryConfiguration {

    /** The scheme file, read and checked once at start: a broken file stops the start with its reasons. */
    @Bean
    DirectoryScheme talentDirectoryScheme() {
        return DirectoryScheme.load();
    }
}
